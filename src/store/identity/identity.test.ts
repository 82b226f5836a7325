import { generateKeyPairSync } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../test-support';
import { EMBEDDED_API_AUDIENCE, EMBEDDED_APP_CLIENT_ID, EMBEDDED_APP_CLIENT_SECRET, GRAPH_AUDIENCE, issuerFor, LOCAL_TENANT_ID } from './constants';

let t: TestStore;
let clock = new Date('2026-06-01T09:00:00Z');
const ORIGIN = 'http://127.0.0.1:4999';
const ISSUER = issuerFor(ORIGIN);
const base = `/local-issuer/${LOCAL_TENANT_ID}`;
const GROUP = '0b6a3a53-4c1e-4b7f-9f11-54b8a0a5e2c1';

beforeAll(async () => {
  t = await openTestStore({ publicOrigin: ORIGIN, now: () => clock });
  t.store.directory.upsertPeople([
    { userPrincipalName: 'ann.analyst@servicedesk.example', displayName: 'Ann Analyst', appRoles: ['Analyst', 'Admin'], groups: [GROUP], jobTitle: 'Analyst', department: 'IT' },
    { id: '11111111-2222-4333-8444-555555555555', userPrincipalName: 'sam.staff@servicedesk.example', displayName: 'Sam Staff' },
  ]);
});
afterAll(() => t.close());

const tokenRequest = (form: Record<string, string>, headers: Record<string, string> = {}) =>
  t.call('POST', `${base}/oauth2/v2.0/token`, { headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: new URLSearchParams(form).toString() });
const credentials = { grant_type: 'client_credentials', client_id: EMBEDDED_APP_CLIENT_ID, client_secret: EMBEDDED_APP_CLIENT_SECRET, scope: 'https://graph.microsoft.com/.default' };
const siteWith = (token: string) => t.call('GET', `/v1.0/sites/${t.siteId}`, { headers: { authorization: `Bearer ${token}` } });

describe('discovery', () => {
  it('publishes OpenID configuration and a JWKS with the signing key', async () => {
    const config = await t.call('GET', `${base}/v2.0/.well-known/openid-configuration`);
    expect(config.body).toMatchObject({
      issuer: ISSUER, jwks_uri: `${ORIGIN}${base}/discovery/v2.0/keys`, token_endpoint: `${ORIGIN}${base}/oauth2/v2.0/token`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
    const jwks = await t.call('GET', `${base}/discovery/v2.0/keys`);
    expect(jwks.body.keys).toHaveLength(1);
    expect(jwks.body.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256', kid: expect.any(String), n: expect.any(String), e: 'AQAB' });
    expect(jwks.body.keys[0]).not.toHaveProperty('d');
    expect(t.store.identity.jwksUri()).toBe(`${ORIGIN}${base}/discovery/v2.0/keys`);
    expect((await t.call('GET', '/local-issuer/00000000-0000-0000-0000-000000000000/discovery/v2.0/keys')).body.error_codes).toEqual([90002]);
  });

  it('keeps its key in the data dir across restarts', async () => {
    const again = await openTestStore({ dataDir: t.dataDir, publicOrigin: ORIGIN });
    try {
      expect(again.store.identity.jwks()).toEqual(t.store.identity.jwks());
    } finally {
      await again.app.close();
      again.store.close();
    }
  });
});

describe('client credentials', () => {
  it('issues an Entra-shaped app token for Graph, verifiable with the JWKS', async () => {
    const answer = await tokenRequest(credentials);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    const jwks = createLocalJWKSet((await t.call('GET', `${base}/discovery/v2.0/keys`)).body);
    const { payload, protectedHeader } = await jwtVerify(answer.body.access_token, jwks, { issuer: ISSUER, audience: GRAPH_AUDIENCE, currentDate: clock });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(payload).toMatchObject({
      aud: 'https://graph.microsoft.com', iss: ISSUER, tid: LOCAL_TENANT_ID, idtyp: 'app', roles: ['Sites.Selected'],
      appid: EMBEDDED_APP_CLIENT_ID, azp: EMBEDDED_APP_CLIENT_ID, ver: '2.0',
    });
    expect(payload.oid).toBe(payload.sub);
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(payload.nbf).toBe(payload.iat);
    expect(payload).not.toHaveProperty('scp');
  });

  it('accepts client_secret_basic too', async () => {
    const { client_id: id, client_secret: secret, ...form } = credentials;
    const basic = Buffer.from(`${id}:${secret}`).toString('base64');
    expect((await tokenRequest(form, { authorization: `Basic ${basic}` })).status).toBe(200);
  });

  it("answers mistakes in Entra's OAuth error shape", async () => {
    const wrongSecret = await tokenRequest({ ...credentials, client_secret: 'nope' });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body).toMatchObject({ error: 'invalid_client', error_codes: [7000215], trace_id: expect.any(String), correlation_id: expect.any(String) });
    expect(wrongSecret.body.error_description).toMatch(/^AADSTS7000215: Invalid client secret provided/);
    expect((await tokenRequest({ ...credentials, client_secret: '' })).body.error_codes).toEqual([7000218]);
    expect((await tokenRequest({ ...credentials, client_id: 'someone-else' })).body).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
    expect((await tokenRequest({ ...credentials, grant_type: 'password' })).body.error).toBe('unsupported_grant_type');
    expect((await tokenRequest({ ...credentials, scope: 'Sites.Read.All' })).body.error).toBe('invalid_scope');
    const json = await t.call('POST', `${base}/oauth2/v2.0/token`, { body: credentials });
    expect(json.status).toBe(400);
    expect(json.body.error).toBe('invalid_request');
  });
});

describe('people and their tokens', () => {
  it('keeps people with stable object ids, roles and groups', () => {
    const people = t.store.directory.list();
    expect(people.map((p) => p.userPrincipalName)).toEqual(['ann.analyst@servicedesk.example', 'sam.staff@servicedesk.example']);
    const ann = t.store.directory.findByUpn('ANN.ANALYST@servicedesk.example')!;
    expect(ann).toMatchObject({ appRoles: ['Analyst', 'Admin'], groups: [GROUP], jobTitle: 'Analyst', mail: null });
    const [updated] = t.store.directory.upsertPeople([{ userPrincipalName: 'ann.analyst@servicedesk.example', displayName: 'Ann A. Analyst', appRoles: ['Analyst'] }]);
    expect(updated).toMatchObject({ id: ann.id, displayName: 'Ann A. Analyst', appRoles: ['Analyst'], groups: [] });
    expect(t.store.directory.findByUpn('sam.staff@servicedesk.example')!.id).toBe('11111111-2222-4333-8444-555555555555');
    expect(() => t.store.directory.upsertPeople([{ userPrincipalName: 'no-at-sign', displayName: 'x' }])).toThrow(/name@domain/);
    t.store.directory.upsertPeople([{ userPrincipalName: 'ann.analyst@servicedesk.example', displayName: 'Ann Analyst', appRoles: ['Analyst', 'Admin'], groups: [GROUP] }]);
  });

  it("mints a person's delegated token for the service API, shaped as Entra v2", async () => {
    const token = await t.store.identity.mintPersonToken({ upn: 'ann.analyst@servicedesk.example' });
    const { payload } = await jwtVerify(token, createLocalJWKSet(t.store.identity.jwks() as never), { issuer: ISSUER, audience: EMBEDDED_API_AUDIENCE, currentDate: clock });
    const ann = t.store.directory.findByUpn('ann.analyst@servicedesk.example')!;
    expect(payload).toMatchObject({
      oid: ann.id, tid: LOCAL_TENANT_ID, preferred_username: ann.userPrincipalName, name: 'Ann Analyst', scp: 'access_as_user',
      roles: ['Analyst', 'Admin'], groups: [GROUP], ver: '2.0',
    });
    expect(payload.sub).not.toBe(ann.id);
    expect(payload.exp! - payload.iat!).toBe(3600);
    const staff = decodeJwt(await t.store.identity.mintPersonToken({ upn: 'sam.staff@servicedesk.example', audience: 'api://other' }));
    expect(staff.aud).toBe('api://other');
    expect(staff).not.toHaveProperty('roles');
    expect(staff).not.toHaveProperty('groups');
    await expect(t.store.identity.mintPersonToken({ upn: 'nobody@servicedesk.example' })).rejects.toThrow(/does not exist/);
  });

  it('serves the dev sign-in over HTTP only with dev features on', async () => {
    const users = await t.call('GET', `${base}/dev/users`);
    expect(users.body.value.map((p: { appRoles: string[] }) => p.appRoles)).toEqual([['Analyst', 'Admin'], []]);
    const token = await t.call('POST', `${base}/dev/token`, { body: { upn: 'sam.staff@servicedesk.example' } });
    expect(decodeJwt(token.body.access_token)).toMatchObject({ preferred_username: 'sam.staff@servicedesk.example', aud: EMBEDDED_API_AUDIENCE });
    expect((await t.call('POST', `${base}/dev/token`, { body: { who: 'x' } })).status).toBe(400);

    const plain = await openTestStore({ devFeatures: false });
    try {
      expect((await plain.call('GET', `${base}/dev/users`)).status).toBe(404);
      expect((await plain.call('POST', `${base}/dev/token`, { body: { upn: 'a@b.c' } })).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('/v1.0 accepts only app tokens from the local issuer', () => {
  it('answers 401 InvalidAuthenticationToken without a token or with a bad one', async () => {
    const none = await t.call('GET', `/v1.0/sites/${t.siteId}`);
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({ code: 'InvalidAuthenticationToken', message: 'Access token is empty.' });
    expect((await siteWith('not-a-jwt')).body.error.message).toMatch(/not a well-formed JWT/);

    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const real = decodeJwt((await tokenRequest(credentials)).body.access_token);
    const forged = await new SignJWT(real).setProtectedHeader({ alg: 'RS256', kid: 'forged' }).sign(privateKey);
    expect((await siteWith(forged)).body.error).toMatchObject({ code: 'InvalidAuthenticationToken', message: expect.stringMatching(/Invalid signature/) });
  });

  it('answers 401 once the token has expired', async () => {
    const token = (await tokenRequest(credentials)).body.access_token;
    expect((await siteWith(token)).status).toBe(200);
    clock = new Date(clock.getTime() + 2 * 3600_000);
    try {
      const expired = await siteWith(token);
      expect(expired.status).toBe(401);
      expect(expired.body.error.message).toMatch(/expired/);
    } finally {
      clock = new Date('2026-06-01T09:00:00Z');
    }
  });

  it("answers 403 accessDenied to a person's valid token", async () => {
    const person = await t.store.identity.mintPersonToken({ upn: 'ann.analyst@servicedesk.example' });
    const answer = await siteWith(person);
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('accessDenied');
    const graphAudience = await t.store.identity.mintPersonToken({ upn: 'ann.analyst@servicedesk.example', audience: GRAPH_AUDIENCE });
    expect((await siteWith(graphAudience)).status).toBe(403);
  });

  it('refuses a token from another local origin once the public origin is fixed', async () => {
    const elsewhere = await openTestStore({ dataDir: t.dataDir, now: () => clock });
    try {
      expect((await siteWith(elsewhere.token)).body.error.message).toMatch(/Invalid issuer/);
    } finally {
      await elsewhere.app.close();
      elsewhere.store.close();
    }
  });
});
