import type { JWTVerifyGetKey } from 'jose';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { TokenRejected, createTokenValidator } from './token-validator';

const options = { issuer: 'https://issuer.test/tenant/v2.0', audience: 'api://service-desk', jwksUrl: 'https://issuer.test/keys', requiredScope: 'access_as_user' };
let trusted: CryptoKey;
let forger: CryptoKey;
let validate: ReturnType<typeof createTokenValidator>;

const claims = { oid: 'oid-1', preferred_username: "ann.o'brien@example.org", name: "Ann O'Brien", scp: 'access_as_user', roles: ['Analyst', 'Sites.Selected'], groups: ['g-1'] };

function token(key: CryptoKey, overrides: { iss?: string; aud?: string; exp?: number; claims?: Record<string, unknown> } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims, ...overrides.claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(overrides.iss ?? options.issuer)
    .setAudience(overrides.aud ?? options.audience)
    .setIssuedAt(now - 10)
    .setExpirationTime(overrides.exp ?? now + 3600)
    .sign(key);
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  trusted = pair.privateKey;
  forger = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  validate = createTokenValidator(options, createLocalJWKSet({ keys: [jwk] }));
});

describe('token validation', () => {
  it('reads the person, known app roles and groups from a valid token', async () => {
    const me = await validate(`Bearer ${await token(trusted)}`);
    expect(me).toEqual({ id: 'oid-1', upn: "ann.o'brien@example.org", name: "Ann O'Brien", roles: ['Analyst'], groups: ['g-1'] });
  });

  const refusals: [string, () => Promise<string | undefined>, string][] = [
    ['no header', async () => undefined, 'Sign in first: the request has no bearer token.'],
    ['a non-bearer header', async () => 'Basic abc', 'Sign in first: the request has no bearer token.'],
    ['an expired token', async () => `Bearer ${await token(trusted, { exp: Math.floor(Date.now() / 1000) - 120 })}`, 'The token has expired: sign in again.'],
    ['a forged signature', async () => `Bearer ${await token(forger)}`, 'The token signature is not from the trusted issuer.'],
    ['another audience', async () => `Bearer ${await token(trusted, { aud: 'https://graph.microsoft.com' })}`, 'The token was not issued for this API (aud claim).'],
    ['another issuer', async () => `Bearer ${await token(trusted, { iss: 'https://evil.test' })}`, 'The token was not issued for this API (iss claim).'],
    ['an app token without the scope', async () => `Bearer ${await token(trusted, { claims: { scp: undefined } })}`, 'The token lacks the access_as_user scope.'],
    ['a token without a person', async () => `Bearer ${await token(trusted, { claims: { oid: undefined } })}`, 'The token does not name a person (oid and preferred_username claims).'],
    ['garbage', async () => 'Bearer not.a.jwt', 'The token is not valid.'],
  ];
  it.each(refusals)('refuses %s with a clear reason', async (_, header, message) => {
    const attempt = validate(await header());
    await expect(attempt).rejects.toBeInstanceOf(TokenRejected);
    await expect(attempt).rejects.toThrow(message);
  });

  it('answers a token it verified before from memory, but only until the token expires', async () => {
    let now = Date.now();
    let keyLookups = 0;
    const pair = await generateKeyPair('RS256');
    const realJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const realKeys = createLocalJWKSet({ keys: [realJwk] });
    const counting: JWTVerifyGetKey = (header, input) => {
      keyLookups += 1;
      return realKeys(header, input);
    };
    const remembering = createTokenValidator(options, counting, () => now);
    const exp = Math.floor(now / 1000) + 600;
    const header = `Bearer ${await token(pair.privateKey, { exp })}`;
    await remembering(header);
    await remembering(header);
    expect(keyLookups).toBe(1);
    // Past expiry plus the 60 s tolerance the token is verified again, and jose refuses it.
    now = exp * 1000 + 61_000;
    await expect(remembering(header)).rejects.toThrow('The token has expired: sign in again.');
    expect(keyLookups).toBe(2);
  });
});
