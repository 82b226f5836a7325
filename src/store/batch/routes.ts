// POST /v1.0/$batch: each step runs as its own request through the same hooks (auth, faults, resource units), so a
// step can get its own 429. https://learn.microsoft.com/en-us/graph/json-batching
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody } from '../http/errors';
import { headerValue, requestIds } from '../http/request-context';
import { executionOrder, parseBatch, stepUrlProblem, type BatchStep } from './payload';

export interface BatchStepResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

/** Header names as Graph spells them in step answers; Graph client 3.0.7 reads a JSON body only under "Content-Type". */
const CANONICAL: Record<string, string> = {
  'content-type': 'Content-Type', 'retry-after': 'Retry-After', etag: 'ETag', location: 'Location',
  'ratelimit-limit': 'RateLimit-Limit', 'ratelimit-remaining': 'RateLimit-Remaining', 'ratelimit-reset': 'RateLimit-Reset',
};

export function registerBatchRoute(app: FastifyInstance, stepHeader: { readonly name: string; readonly value: string }): void {
  app.post<{ Body: unknown }>('/$batch', { bodyLimit: 16 * 1024 * 1024 }, async (request) => {
    const steps = parseBatch(request.body);
    const answers = new Map<string, BatchStepResponse>();
    for (const step of executionOrder(steps)) {
      const failed = step.dependsOn.map((d) => answers.get(d.toLowerCase())).find((a) => a !== undefined && (a.status < 200 || a.status >= 300));
      answers.set(step.id.toLowerCase(), failed
        ? stepError(request, step.id, 424, 'failedDependency', `Request '${step.id}' was not run: request '${failed.id}' it depends on answered ${failed.status}.`)
        : await runStep(app, request, step, stepHeader));
    }
    return { responses: steps.map((s) => answers.get(s.id.toLowerCase())!) };
  });
}

async function runStep(app: FastifyInstance, outer: FastifyRequest, step: BatchStep, stepHeader: { readonly name: string; readonly value: string }): Promise<BatchStepResponse> {
  const problem = stepUrlProblem(step.url);
  if (problem) return stepError(outer, step.id, 400, 'BadRequest', problem);
  const headers: Record<string, string> = { ...lowerKeys(step.headers), host: outer.host, [stepHeader.name]: stepHeader.value };
  const authorization = headerValue(outer, 'authorization');
  if (authorization !== undefined) headers.authorization = authorization;
  headers['client-request-id'] ??= requestIds(outer).clientRequestId;
  const answer = await app.inject({
    method: step.method as 'GET',
    url: `/v1.0/${step.url.replace(/^\/+/, '')}`,
    headers,
    ...(step.body === undefined ? {} : { payload: stepPayload(step.body, headers['content-type'] ?? '') }),
  });
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    const canonical = CANONICAL[name.toLowerCase()];
    if (canonical && value !== undefined) out[canonical] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  const type = out['Content-Type'] ?? '';
  const response: BatchStepResponse = { id: step.id, status: answer.statusCode, headers: out };
  if (answer.rawPayload.length === 0) return response;
  return { ...response, body: /json/i.test(type) ? JSON.parse(answer.body) : answer.rawPayload.toString('base64') };
}

/** A JSON body goes as JSON; any other body arrives base64-encoded, as Graph expects binary step bodies. */
function stepPayload(body: unknown, contentType: string): string | Buffer {
  if (/json/i.test(contentType)) return typeof body === 'string' ? body : JSON.stringify(body);
  return typeof body === 'string' ? Buffer.from(body, 'base64') : JSON.stringify(body);
}

function stepError(request: FastifyRequest, id: string, status: number, code: string, message: string): BatchStepResponse {
  return { id, status, headers: { 'Content-Type': 'application/json' }, body: errorBody(request, code, message) };
}

function lowerKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
