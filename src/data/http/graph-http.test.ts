import { describe, expect, it } from 'vitest';
import { AuthError, BadRequestError, ConflictError, GraphRequestError, NotFoundError, ThresholdRefusedError, ThrottledError, UnavailableError } from '../errors';
import { field, and } from '../odata';
import { fakeGraph, graphError, json } from '../testing/fake-transport';
import { errorFromResponse, parseGraphErrorBody } from './error-mapping';
import { normaliseNextLink } from './next-link';

const outcome = { tries: 1, waitedMs: 0 };
const ctx = { method: 'GET', path: '/sites/s/lists/l/items', outcome };

describe('error mapping', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthError],
    [403, AuthError],
    [404, NotFoundError],
    [409, ConflictError],
    [412, ConflictError],
    [429, ThrottledError],
    [502, UnavailableError],
    [503, UnavailableError],
    [504, UnavailableError],
    [500, GraphRequestError],
  ])('maps %i to %o', (status, type) => {
    const error = errorFromResponse(status, JSON.stringify({ error: { code: 'someCode', message: 'Graph says no' } }), {}, ctx);
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error.status).toBe(status);
    expect(error.code).toBe('someCode');
    expect(error.graphMessage).toBe('Graph says no');
  });

  it('carries the request id from the body, else from the response header', () => {
    const fromBody = errorFromResponse(404, JSON.stringify({ error: { code: 'itemNotFound', message: 'gone', innerError: { 'request-id': 'abc' } } }), {}, ctx);
    expect(fromBody.requestId).toBe('abc');
    expect(fromBody.message).toContain('request id abc');
    const fromHeader = errorFromResponse(404, JSON.stringify({ error: { code: 'itemNotFound', message: 'gone' } }), { 'Request-Id': 'def' }, ctx);
    expect(fromHeader.requestId).toBe('def');
  });

  it('keeps Graph\'s message on a BadRequestError', () => {
    const error = errorFromResponse(400, JSON.stringify({ error: { code: 'invalidRequest', message: "Column 'Nope' does not exist." } }), {}, ctx);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.graphMessage).toBe("Column 'Nope' does not exist.");
    expect(error.message).toContain('GET /sites/s/lists/l/items');
  });

  it('recognises the non-indexed refusal as a query-shape refusal', () => {
    const body = JSON.stringify({
      error: { code: 'invalidRequest', message: "Field 'Title' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists." },
    });
    const error = errorFromResponse(400, body, {}, ctx) as ThresholdRefusedError;
    expect(error).toBeInstanceOf(ThresholdRefusedError);
    expect(error.reason).toBe('notIndexed');
  });

  it('reads SharePoint REST shapes and non-JSON bodies', () => {
    expect(parseGraphErrorBody(JSON.stringify({ 'odata.error': { code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', message: { lang: 'en-US', value: 'exceeds the list view threshold' } } }), 500)).toEqual({
      code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
      message: 'exceeds the list view threshold',
      requestId: undefined,
    });
    expect(parseGraphErrorBody('<html>Bad gateway</html>', 502)).toEqual({ code: 'http502', message: '<html>Bad gateway</html>' });
    expect(parseGraphErrorBody('', 503).message).toBe('HTTP 503');
  });
});

describe('GraphHttp', () => {
  it('sends the bearer token to an http:// base URL (the client\'s own chain would not)', async () => {
    const { http, transport } = fakeGraph({ baseUrl: 'http://127.0.0.1:4999' });
    transport.answer(json(200, { id: 'site' }));
    await http.get('/sites/root');
    expect(transport.sent[0]?.url).toBe('http://127.0.0.1:4999/v1.0/sites/root');
    expect(transport.sent[0]?.headers['authorization']).toBe('Bearer test-token');
  });

  it('never sends the token to another origin', async () => {
    const { http, transport } = fakeGraph({ baseUrl: 'http://127.0.0.1:4999' });
    transport.answer(json(200, {}));
    const error = (await http.get('https://evil.example/v1.0/sites/root').catch((e: unknown) => e)) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toMatch(/refusing to send the Graph token to https:\/\/evil\.example/);
    expect(transport.sent).toHaveLength(0);
  });

  it('refreshes the token once when Graph answers 401', async () => {
    const transportTokens = ['old', 'new'];
    let invalidated = 0;
    const { transport } = fakeGraph();
    const { createGraphHttp } = await import('../client');
    const http = createGraphHttp({
      baseUrl: 'http://127.0.0.1:4999',
      auth: { getAccessToken: async () => transportTokens[invalidated] ?? 'none', invalidate: () => (invalidated += 1) },
      transport,
    });
    transport.answer(graphError(401, 'InvalidAuthenticationToken', 'expired'), json(200, {}));
    await http.get('/sites/root');
    expect(transport.sent.map((r) => r.headers['authorization'])).toEqual(['Bearer old', 'Bearer new']);
  });

  it('encodes filter literals so apostrophes, ampersands and hashes cannot break the URL', async () => {
    const { http, transport } = fakeGraph();
    transport.answer(json(200, { value: [] }));
    const filter = and(field('IsOpen').eq(true), field('Title').eq("O'Brien & Sons #1"));
    await http.get('/sites/s/lists/l/items', { query: { $expand: 'fields', $filter: filter.expression, $top: 5 } });
    const url = new URL(transport.sent[0]?.url ?? '');
    expect(url.searchParams.get('$filter')).toBe("fields/IsOpen eq 1 and fields/Title eq 'O''Brien & Sons #1'");
    expect(url.searchParams.get('$top')).toBe('5');
    expect(url.hash).toBe('');
  });

  it('follows a local http nextLink and an https Graph nextLink to the right place', async () => {
    const local = fakeGraph({ baseUrl: 'http://127.0.0.1:4999' });
    local.transport.answer(json(200, { value: [] }));
    await local.http.getNextLink('http://127.0.0.1:4999/v1.0/sites/s/lists/l/items?$expand=fields&$skiptoken=Paged%3DTRUE%26p_ID%3D5');
    expect(local.transport.sent[0]?.url).toBe('http://127.0.0.1:4999/v1.0/sites/s/lists/l/items?$expand=fields&$skiptoken=Paged%3DTRUE%26p_ID%3D5');

    const graph = fakeGraph({ baseUrl: 'https://graph.microsoft.com' });
    graph.transport.answer(json(200, { value: [] }));
    await graph.http.getNextLink('https://graph.microsoft.com/v1.0/sites/s/lists/l/items?$skiptoken=UGFnZWQ9VFJVRSZwX0lEPTEw');
    expect(graph.transport.sent[0]?.url).toBe('https://graph.microsoft.com/v1.0/sites/s/lists/l/items?$skiptoken=UGFnZWQ9VFJVRSZwX0lEPTEw');
  });

  it('returns undefined for an empty 204 answer', async () => {
    const { http, transport } = fakeGraph();
    transport.answer(new Response(null, { status: 204 }));
    await expect(http.delete('/sites/s/lists/l/items/1')).resolves.toMatchObject({ status: 204, body: undefined });
  });
});

describe('normaliseNextLink', () => {
  it('cuts absolute http and https links and relative links back to version and path', () => {
    expect(normaliseNextLink('http://127.0.0.1:5000/v1.0/sites/a/lists/b/items?$top=5&$skiptoken=x', 'http://127.0.0.1:5000')).toEqual({
      version: 'v1.0',
      path: '/sites/a/lists/b/items?$top=5&$skiptoken=x',
    });
    expect(normaliseNextLink('https://graph.microsoft.com/beta/sites/a/items?$skiptoken=y', 'https://graph.microsoft.com')).toEqual({
      version: 'beta',
      path: '/sites/a/items?$skiptoken=y',
    });
    expect(normaliseNextLink('/v1.0/sites/a/items?$skiptoken=z', 'http://127.0.0.1:5000')).toEqual({ version: 'v1.0', path: '/sites/a/items?$skiptoken=z' });
  });

  it('strips a base path prefix', () => {
    expect(normaliseNextLink('http://host:81/graph/v1.0/sites/a?$skiptoken=1', 'http://host:81/graph')).toEqual({ version: 'v1.0', path: '/sites/a?$skiptoken=1' });
  });

  it('refuses links to another origin, which would carry our token elsewhere', () => {
    expect(() => normaliseNextLink('https://evil.example/v1.0/sites/a', 'https://graph.microsoft.com')).toThrow(/Refusing to follow/);
    expect(() => normaliseNextLink('https://127.0.0.1:5000/v1.0/sites/a', 'http://127.0.0.1:5000')).toThrow(/Refusing to follow/);
  });

  it('refuses a link without a path after the version', () => {
    expect(() => normaliseNextLink('http://127.0.0.1:5000/v1.0', 'http://127.0.0.1:5000')).toThrow(/no API version and path/);
  });
});
