// The bench's clients, run in a process of their own so the server process is measured without the load

// generator's work on its core (a browser or a Teams client is never inside the server). Reads one job as JSON
// from argv, prints one JSON result on stdout.
export {};

interface Job {
  readonly origin: string;
  readonly token: string;
  readonly kind: 'creates' | 'timed-gets';
  readonly clients?: number;
  readonly perClient?: number;
  readonly rounds?: number;
  readonly paths?: readonly string[];
  readonly repeats?: number;
  readonly warmUp?: number;
}

async function send(job: Job, path: string, body?: unknown): Promise<number> {
  const response = await fetch(`${job.origin}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${job.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${text.slice(0, 300)}`);
  return response.status;
}

/** `rounds` rounds of `clients` concurrent clients making `perClient` creates each, one POST at a time. */
async function creates(job: Job): Promise<{ perSecond: number[]; created: number }> {
  const clients = job.clients ?? 8;
  const perClient = job.perClient ?? 60;
  const perSecond: number[] = [];
  for (let round = 0; round < (job.rounds ?? 1); round++) {
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let i = 0; i < perClient; i++) {
          await send(job, '/api/incidents', { title: `Bench create ${round}-${client}-${i}`, impact: 3, urgency: 3, serviceId: 'email' });
        }
      }),
    );
    perSecond.push((clients * perClient) / ((performance.now() - started) / 1000));
  }
  return { perSecond, created: perSecond.length * clients * perClient };
}

/** Each path asked `repeats` times in turn, one request at a time, after `warmUp` untimed requests. */
async function timedGets(job: Job): Promise<{ times: Record<string, number[]> }> {
  const times: Record<string, number[]> = {};
  for (const path of job.paths ?? []) {
    for (let i = 0; i < (job.warmUp ?? 20); i++) await send(job, path);
    const list: number[] = [];
    for (let i = 0; i < (job.repeats ?? 200); i++) {
      const started = performance.now();
      await send(job, path);
      list.push(performance.now() - started);
    }
    times[path] = list;
  }
  return { times };
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const result = job.kind === 'creates' ? await creates(job) : await timedGets(job);
process.stdout.write(JSON.stringify(result));
