// The Graph client's last middleware: sends the request with node:http(s) over kept-alive connections and hands
// the chain a standard Response. Global fetch does the same work at about three times the CPU per request (web
// streams, per-request abort plumbing), and every ticket command makes two or three of these calls
// (docs/decisions/0011 and issue 3's create rate).
import http from 'node:http';
import https from 'node:https';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/** Statuses whose Response must have no body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 204, 205, 304]);

export class NodeHttpTransport implements Middleware {
  async execute(context: Context): Promise<void> {
    const input = context.request;
    const init = context.options ?? {};
    const body = await bodyBytes(init.body);
    // Bodies this transport does not turn into bytes (streams, form data) go through fetch unchanged.
    if (body === UNSUPPORTED || typeof input !== 'string') {
      context.response = await fetch(input, init);
      return;
    }
    context.response = await sendFollowing(new URL(input), init.method ?? 'GET', headerRecord(init.headers), body, init.signal ?? undefined, init.redirect ?? 'follow');
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;

/**
 * Follows redirects as fetch does (a file's content redirects to a pre-authenticated download URL): 303, and 301
 * or 302 after a POST, become a GET without a body; the bearer token never goes to another origin.
 */
async function sendFollowing(url: URL, method: string, headers: Record<string, string>, body: Buffer | undefined, signal: AbortSignal | undefined, redirect: RequestRedirect): Promise<Response> {
  let current = { url, method, headers, body };
  for (let hops = 0; ; hops++) {
    const response = await send(current.url, current.method, current.headers, current.body, signal);
    const location = response.headers.get('location');
    if (redirect !== 'follow' || !REDIRECTS.has(response.status) || !location) return response;
    if (hops >= MAX_REDIRECTS) throw new TypeError(`request failed: more than ${MAX_REDIRECTS} redirects from ${url.href}`);
    const next = new URL(location, current.url);
    const toGet = response.status === 303 || ((response.status === 301 || response.status === 302) && current.method === 'POST');
    const nextHeaders = { ...current.headers };
    if (next.origin !== current.url.origin) {
      delete nextHeaders['authorization'];
      delete nextHeaders['cookie'];
    }
    if (toGet) delete nextHeaders['content-type'];
    current = { url: next, method: toGet ? 'GET' : current.method, headers: nextHeaders, body: toGet ? undefined : current.body };
  }
}

const UNSUPPORTED = Symbol('unsupported body');

async function bodyBytes(body: RequestInit['body']): Promise<Buffer | undefined | typeof UNSUPPORTED> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof Blob) return Buffer.from(await body.arrayBuffer());
  return UNSUPPORTED;
}

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const pairs: Iterable<[string, string]> = headers instanceof Headers ? headers.entries() : Array.isArray(headers) ? (headers as [string, string][]) : Object.entries(headers);
  for (const [name, value] of pairs) out[name.toLowerCase()] = value;
  return out;
}

function send(url: URL, method: string, headers: Record<string, string>, body: Buffer | undefined, signal: AbortSignal | undefined): Promise<Response> {
  const agent = agents[url.protocol as keyof typeof agents];
  if (!agent) return Promise.reject(new TypeError(`Cannot send a request to ${url.protocol} addresses.`));
  const module = url.protocol === 'https:' ? https : http;
  return new Promise<Response>((resolve, reject) => {
    const request = module.request(
      url,
      { method, agent, headers: body ? { ...headers, 'content-length': String(body.length) } : headers, ...(signal ? { signal } : {}) },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', (error) => reject(failed(error)));
        answer.on('end', () => {
          const status = answer.statusCode ?? 0;
          const responseHeaders = new Headers();
          const raw = answer.rawHeaders;
          for (let i = 0; i + 1 < raw.length; i += 2) responseHeaders.append(raw[i]!, raw[i + 1]!);
          const bytes = Buffer.concat(chunks);
          resolve(new Response(NULL_BODY.has(status) ? null : bytes, { status, statusText: answer.statusMessage ?? '', headers: responseHeaders }));
        });
      },
    );
    request.on('error', (error) => reject(signal?.aborted ? (signal.reason ?? error) : failed(error)));
    request.end(body);
  });
}

/**
 * Failures look like fetch's: a TypeError with the system error as its cause (the retry middleware reads
 * cause.code to tell a refused connection from a dropped one); an aborted request rejects with the signal's reason,
 * as fetch does (a TimeoutError for an attempt that ran out of time).
 */
function failed(error: Error): Error {
  const wrapped = new TypeError(`request failed: ${error.message}`);
  (wrapped as { cause?: unknown }).cause = error;
  return wrapped;
}
