// The JSON batch request body, checked as Graph checks it: https://learn.microsoft.com/en-us/graph/json-batching
// At most 20 requests, unique ids, a Content-Type header with every body, dependsOn naming other steps.
import { GraphError } from '../http/errors';

export const MAX_BATCH_STEPS = 20;
const METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);

export interface BatchStep {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  /** Header names as sent; looked up without regard to case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly dependsOn: readonly string[];
}

const invalid = (detail: string): GraphError => new GraphError(400, 'BadRequest', `Invalid batch payload format. ${detail}`);

export function parseBatch(body: unknown): BatchStep[] {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (typeof body !== 'object' || body === null || !Array.isArray(requests)) throw invalid('The body must be a JSON object with a "requests" array.');
  if (requests.length === 0) throw invalid('The "requests" array is empty.');
  if (requests.length > MAX_BATCH_STEPS) {
    throw invalid(`A batch holds at most ${MAX_BATCH_STEPS} requests; this one has ${requests.length}. Split it into several batches.`);
  }
  const steps = requests.map((raw, index) => parseStep(raw, index));
  const ids = new Set<string>();
  for (const step of steps) {
    const key = step.id.toLowerCase();
    if (ids.has(key)) throw invalid(`The request id '${step.id}' is used more than once; ids must be unique in a batch.`);
    ids.add(key);
  }
  for (const step of steps) {
    const unknown = step.dependsOn.find((d) => !ids.has(d.toLowerCase()));
    if (unknown !== undefined) throw invalid(`Request '${step.id}' depends on '${unknown}', which is not in this batch.`);
  }
  return steps;
}

function parseStep(raw: unknown, index: number): BatchStep {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid(`Request ${index + 1} is not a JSON object.`);
  const r = raw as Record<string, unknown>;
  const id = typeof r.id === 'number' ? String(r.id) : r.id;
  if (typeof id !== 'string' || id.trim() === '') throw invalid(`Request ${index + 1} has no "id".`);
  const method = typeof r.method === 'string' ? r.method.toUpperCase() : '';
  if (!METHODS.has(method)) throw invalid(`Request '${id}' has method '${String(r.method)}'; use GET, POST, PATCH, PUT or DELETE.`);
  if (typeof r.url !== 'string' || r.url.trim() === '') throw invalid(`Request '${id}' has no "url".`);
  const headers = r.headers ?? {};
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers) || Object.values(headers).some((v) => typeof v !== 'string')) {
    throw invalid(`Request '${id}': "headers" must be an object of string values.`);
  }
  const headerMap = headers as Record<string, string>;
  if (r.body !== undefined && !Object.keys(headerMap).some((k) => k.toLowerCase() === 'content-type')) {
    throw invalid(`Request '${id}' has a body but no Content-Type header; a step with a body must say its Content-Type.`);
  }
  const dependsOn = r.dependsOn ?? [];
  if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string' && typeof d !== 'number')) {
    throw invalid(`Request '${id}': "dependsOn" must be an array of request ids.`);
  }
  return { id, method, url: r.url.trim(), headers: headerMap, body: r.body, dependsOn: dependsOn.map(String) };
}

/** Steps in an order where every step follows what it depends on; a cycle is refused. */
export function executionOrder(steps: readonly BatchStep[]): BatchStep[] {
  const byId = new Map(steps.map((s) => [s.id.toLowerCase(), s]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: BatchStep[] = [];
  const visit = (step: BatchStep): void => {
    const key = step.id.toLowerCase();
    if (done.has(key)) return;
    if (visiting.has(key)) throw invalid(`The dependsOn chain through request '${step.id}' is a cycle.`);
    visiting.add(key);
    for (const dep of step.dependsOn) visit(byId.get(dep.toLowerCase())!);
    visiting.delete(key);
    done.add(key);
    order.push(step);
  };
  steps.forEach(visit);
  return order;
}

/**
 * Where a step's URL is refused before it runs, as Graph refuses it: absolute URLs, and URLs that repeat the
 * version (Graph client 3.0.7's BatchRequestContent keeps a /v1.0 prefix; Graph answers that step 400).
 */
export function stepUrlProblem(url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return `The URL of a batch request must be relative to the version, e.g. /sites/{site-id}; found '${url}'.`;
  const first = url.replace(/^\/+/, '').split(/[/?]/, 1)[0] ?? '';
  if (first === '$batch') return 'A batch cannot contain another $batch request.';
  if (/^(v1\.0|beta)$/i.test(first)) return `Resource not found for the segment '${first}'. Batch request URLs must not repeat the version: write '/${url.replace(/^\/+/, '').slice(first.length + 1)}'.`;
  return undefined;
}
