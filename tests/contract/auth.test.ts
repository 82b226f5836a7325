// Who the store's /v1.0 lets in, as the adapter sees it: only the API's app token; a person's token is refused.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientCredentialsTokenProvider } from '../../src/data/auth/client-credentials';
import { createGraphHttp } from '../../src/data/client';
import { AuthError } from '../../src/data/errors';
import { resolveSite } from '../../src/data/lists/list-admin';
import { EMBEDDED_API_AUDIENCE, EMBEDDED_APP_CLIENT_ID, issuerFor, LOCAL_TENANT_ID, PERSON_SCOPE } from '../../src/store/identity/constants';
import { loadOrCreateSigningKey } from '../../src/store/identity/keys';
import { connect, issuerAuthority, SITE_HOSTNAME, SITE_PATH, STORE_ENV } from './support/adapter';
import { showStoreErrorsOnFailure } from './support/fixtures';
import { startStore, type StoreProcess } from './support/store-process';

let store: StoreProcess | undefined;

beforeAll(async () => {
  store = await startStore({ env: STORE_ENV });
});

afterAll(async () => {
  await store?.stop();
});

showStoreErrorsOnFailure(() => store);

/**
 * A delegated token for a person, signed by this store's local issuer, with the claims the dev sign-in gives one.
 * The store process offers no way to add a person to its directory (so /dev/token cannot mint for anyone), so the
 * test signs with the issuer's own key from the data directory instead.
 */
async function personToken(s: StoreProcess): Promise<string> {
  const key = loadOrCreateSigningKey(s.dataDir);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    aud: EMBEDDED_API_AUDIENCE, iss: issuerFor(s.origin, LOCAL_TENANT_ID), tid: LOCAL_TENANT_ID, oid: '0f8fad5b-d9cb-469f-a165-70867728950e',
    sub: randomBytes(16).toString('base64url'), preferred_username: 'analyst@contoso.example', name: 'An Analyst', scp: PERSON_SCOPE,
    roles: ['Analyst'], iat: now, nbf: now, exp: now + 3600, ver: '2.0',
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .sign(key.privateKey);
}

describe('/v1.0 access', () => {
  it("accepts the API's app token from client credentials", async () => {
    const adapter = await connect(store as StoreProcess);
    expect(adapter.siteId).toMatch(/^contoso\.sharepoint\.com,/);
  });

  it("refuses a person's token with 403, which the adapter reports as AuthError", async () => {
    const token = await personToken(store as StoreProcess);
    const http = createGraphHttp({ baseUrl: (store as StoreProcess).origin, auth: async () => token });
    const error = (await resolveSite(http, SITE_HOSTNAME, SITE_PATH).catch((e: unknown) => e)) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.status).toBe(403);
    expect(error.code).toBe('accessDenied');
  });

  it('refuses a token that is not from the local issuer with 401', async () => {
    const http = createGraphHttp({ baseUrl: (store as StoreProcess).origin, auth: async () => 'not-a-jwt', retry: { maxTries: 1 } });
    const error = (await resolveSite(http, SITE_HOSTNAME, SITE_PATH).catch((e: unknown) => e)) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.status).toBe(401);
  });

  it('reports a wrong client secret as AuthError from the token endpoint, without the secret', async () => {
    const tokens = createClientCredentialsTokenProvider({ authority: issuerAuthority(store as StoreProcess), clientId: EMBEDDED_APP_CLIENT_ID, clientSecret: 'wrong-secret-value' });
    const http = createGraphHttp({ baseUrl: (store as StoreProcess).origin, auth: tokens });
    const error = (await resolveSite(http, SITE_HOSTNAME, SITE_PATH).catch((e: unknown) => e)) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.code).toBe('invalid_client');
    expect(error.message).toContain('AADSTS7000215');
    expect(error.message).not.toContain('wrong-secret-value');
  });
});
