import { describe, expect, it } from 'vitest';
import { AuthError, UnavailableError } from '../errors';
import { createClientCredentialsTokenProvider } from './client-credentials';

function tokenEndpoint(answers: (() => Response)[]) {
  const calls: { url: string; form: URLSearchParams }[] = [];
  const fetchFake = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), form: new URLSearchParams(String(init?.body)) });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    await new Promise((resolve) => setTimeout(resolve, 5));
    return next();
  }) as typeof fetch;
  return { calls, fetchFake };
}

const token = (value: string, expiresIn = 3600) => () => new Response(JSON.stringify({ token_type: 'Bearer', expires_in: expiresIn, access_token: value }), { status: 200 });

describe('client credentials token provider', () => {
  it('posts the client credentials grant to {authority}/oauth2/v2.0/token', async () => {
    const { calls, fetchFake } = tokenEndpoint([token('t1')]);
    const provider = createClientCredentialsTokenProvider({ authority: 'http://127.0.0.1:4280/local-issuer/tenant-1/', clientId: 'app', clientSecret: 's3cret', fetch: fetchFake });
    expect(await provider.getAccessToken()).toBe('t1');
    expect(calls[0]?.url).toBe('http://127.0.0.1:4280/local-issuer/tenant-1/oauth2/v2.0/token');
    expect(Object.fromEntries(calls[0]?.form ?? [])).toEqual({
      grant_type: 'client_credentials',
      client_id: 'app',
      client_secret: 's3cret',
      scope: 'https://graph.microsoft.com/.default',
    });
  });

  it('caches until shortly before expiry, then renews', async () => {
    let now = 1_000_000;
    const { calls, fetchFake } = tokenEndpoint([token('t1', 3600), token('t2', 3600)]);
    const provider = createClientCredentialsTokenProvider({ authority: 'https://login.example/t', clientId: 'a', clientSecret: 'b', fetch: fetchFake, now: () => now });
    expect(await provider.getAccessToken()).toBe('t1');
    now += 3600_000 - 5 * 60_000 - 1;
    expect(await provider.getAccessToken()).toBe('t1');
    now += 2;
    expect(await provider.getAccessToken()).toBe('t2');
    expect(calls).toHaveLength(2);
  });

  it('renews a short-lived token at half its lifetime at the latest', async () => {
    let now = 0;
    const { calls, fetchFake } = tokenEndpoint([token('t1', 60), token('t2', 60)]);
    const provider = createClientCredentialsTokenProvider({ authority: 'https://login.example/t', clientId: 'a', clientSecret: 'b', fetch: fetchFake, now: () => now });
    await provider.getAccessToken();
    now = 29_000;
    expect(await provider.getAccessToken()).toBe('t1');
    now = 30_000;
    expect(await provider.getAccessToken()).toBe('t2');
    expect(calls).toHaveLength(2);
  });

  it('shares one request among concurrent callers', async () => {
    const { calls, fetchFake } = tokenEndpoint([token('shared')]);
    const provider = createClientCredentialsTokenProvider({ authority: 'https://login.example/t', clientId: 'a', clientSecret: 'b', fetch: fetchFake });
    const tokens = await Promise.all(Array.from({ length: 10 }, () => provider.getAccessToken()));
    expect(new Set(tokens)).toEqual(new Set(['shared']));
    expect(calls).toHaveLength(1);
  });

  it('forgets the token on invalidate', async () => {
    const { calls, fetchFake } = tokenEndpoint([token('t1'), token('t2')]);
    const provider = createClientCredentialsTokenProvider({ authority: 'https://login.example/t', clientId: 'a', clientSecret: 'b', fetch: fetchFake });
    await provider.getAccessToken();
    provider.invalidate();
    expect(await provider.getAccessToken()).toBe('t2');
    expect(calls).toHaveLength(2);
  });

  it("reports the issuer's refusal as an AuthError without the secret, and tries again next time", async () => {
    const refusal = () => new Response(JSON.stringify({ error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 1' }), { status: 401 });
    const { fetchFake } = tokenEndpoint([refusal, token('t-after')]);
    const provider = createClientCredentialsTokenProvider({ authority: 'https://login.example/t', clientId: 'app', clientSecret: 'hunter2', fetch: fetchFake });
    const error = (await provider.getAccessToken().catch((e: unknown) => e)) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.code).toBe('invalid_client');
    expect(error.message).toContain('AADSTS7000215: Invalid client secret provided.');
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('Trace ID');
    expect(await provider.getAccessToken()).toBe('t-after');
  });

  it('reports an unreachable issuer as UnavailableError', async () => {
    const fetchFake = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const provider = createClientCredentialsTokenProvider({ authority: 'https://login.example/t', clientId: 'a', clientSecret: 'b', fetch: fetchFake });
    await expect(provider.getAccessToken()).rejects.toBeInstanceOf(UnavailableError);
  });
});
