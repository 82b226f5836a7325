// How tests/api/access-table.test.ts exercises each action of the access table over HTTP: what to prepare, the
// request to make, and what to compare to be sure a refused request changed nothing.
import type { AccessAction } from '../../src/domain/access';
import type { World } from './api-world';
import { act, adminView, newKey, people, raise } from './api-world';
import { call } from './embedded-server';

export interface Answer {
  readonly status: number;
  readonly body: any;
}

export interface Target {
  readonly number?: string;
  readonly key: string;
  /** Whom an on-behalf call is logged for (never the person acting). */
  readonly onBehalfOf?: string;
}

export interface Probe {
  readonly prepare: (world: World, cell: string) => Promise<Target>;
  readonly run: (world: World, target: Target, token: string | undefined) => Promise<Answer>;
  /** Status of a successful call. */
  readonly ok: number;
  /** What must be the same before and after a refused call. */
  readonly snapshot: (world: World, target: Target) => Promise<unknown>;
}

const ticketState = async (world: World, t: Target) => {
  const v = await adminView(world, t.number!);
  return { etag: v.etag, history: v.history.length, messages: v.messages.length, state: v.ticket.state };
};

const slug = (cell: string) => cell.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60);

/** A fresh ticket of the caller's on the printing service (group desk, owned by Olu Owner), moved by `steps`. */
function ticket(steps: readonly [string, Record<string, unknown>][], action: string, body: (t: Target) => Record<string, unknown>): Probe {
  return {
    ok: 200,
    async prepare(world) {
      const number = await raise(world, world.tokens.caller);
      for (const [step, stepBody] of steps) {
        const answer = await act(world, world.tokens.admin, number, step, stepBody);
        if (answer.status !== 200) throw new Error(`prepare ${step}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      return { number, key: newKey() };
    },
    async run(world, t, token) {
      const { etag } = await adminView(world, t.number!);
      const headers: Record<string, string> = { 'if-match': etag, 'idempotency-key': t.key };
      return call(world.origin, `/api/tickets/${t.number}/${action}`, { ...(token ? { token } : {}), body: body(t), headers });
    },
    snapshot: ticketState,
  };
}

function read(path: (t: Target) => string, prepare?: Probe['prepare']): Probe {
  return {
    ok: 200,
    prepare: prepare ?? (async (world) => ({ number: await raise(world, world.tokens.caller), key: newKey() })),
    run: (world, t, token) => call(world.origin, path(t), token ? { token } : {}),
    snapshot: async () => null,
  };
}

function configWrite(section: string, body: (world: World) => Record<string, unknown>): Probe {
  return {
    ok: 201,
    prepare: async (_world, cell) => ({ key: slug(cell) }),
    run: (world, t, token) => call(world.origin, `/api/admin/${section}/${t.key}`, { ...(token ? { token } : {}), method: 'PUT', body: body(world) }),
    snapshot: async (world, t) => (await call(world.origin, `/api/admin/${section}`, { token: world.tokens.admin })).body.items.some((r: any) => r.key === t.key),
  };
}

/** Issue 6 admin bodies: a plain office-hours calendar and the same targets for every priority. */
const HOURS = { start: '09:00', end: '17:00' };
const CALENDAR = { name: 'Probe hours', timeZone: 'Europe/London', weeklyHours: { 1: [HOURS], 2: [HOURS], 3: [HOURS], 4: [HOURS], 5: [HOURS] }, holidaySet: 'england-and-wales' };
const ROW = { response: { unit: 'businessMinutes', value: 60 }, resolution: { unit: 'businessDays', value: 2 } };
const TARGETS = { 1: ROW, 2: ROW, 3: ROW, 4: ROW, 5: ROW };
const policyBody = (extra: Record<string, unknown> = {}) => ({ name: 'Probe policy', calendarKey: 'office-hours', targets: TARGETS, ...extra });
const versionsOf = async (world: World, section: string, key: string) =>
  (await call(world.origin, `/api/admin/${section}`, { token: world.tokens.admin })).body.items.filter((r: any) => r.key === key).map((r: any) => `${r.version}:${r.status ?? ''}`);

function versionWrite(section: string, body: Record<string, unknown>): Probe {
  return {
    ok: 201,
    prepare: async (_world, cell) => ({ key: slug(cell) }),
    run: (world, t, token) => call(world.origin, `/api/admin/${section}/${t.key}/versions`, { ...(token ? { token } : {}), body }),
    snapshot: (world, t) => versionsOf(world, section, t.key),
  };
}

const NEW = [] as const;
const RESOLVED: [string, Record<string, unknown>][] = [['resolve', { resolutionCode: 'Fixed', note: 'Done' }]];
const withMessages = async (world: World) => {
  const number = await raise(world, world.tokens.caller);
  await act(world, world.tokens.desk, number, 'reply', { body: 'Public: we are on it' });
  await act(world, world.tokens.desk, number, 'worknote', { body: 'Internal: the fuser is worn' });
  return { number, key: newKey() };
};

export const PROBES: Readonly<Record<AccessAction, Probe>> = {
  'ticket.raise': {
    ok: 201,
    prepare: async () => ({ key: newKey() }),
    run: (world, t, token) => call(world.origin, '/api/incidents', { ...(token ? { token } : {}), body: { title: `Raised ${t.key}`, impact: 3, urgency: 3, serviceId: 'printing' }, headers: { 'idempotency-key': t.key } }),
    snapshot: async () => null,
  },
  'ticket.logCall': {
    ok: 201,
    prepare: async (_world, cell) => ({ key: newKey(), onBehalfOf: cell.endsWith('requester') ? people.caller.id : people.stranger.id }),
    run: (world, t, token) =>
      call(world.origin, '/api/incidents', { ...(token ? { token } : {}), body: { title: `Logged ${t.key}`, impact: 3, urgency: 3, serviceId: 'printing', requesterId: t.onBehalfOf, contactChannel: 'Phone' }, headers: { 'idempotency-key': t.key } }),
    snapshot: async (world, t) => (await call(world.origin, `/api/tickets?requester=${t.onBehalfOf}&pageSize=200`, { token: world.tokens.admin })).body.items.length,
  },
  'ticket.read': read((t) => `/api/tickets/${t.number}`),
  'ticket.listMine': read(() => '/api/my/tickets'),
  'ticket.queue': read(() => '/api/queues/desk'),
  'ticket.assignedToMe': read(() => '/api/queues/assigned-to-me'),
  'ticket.findByRequester': read(() => `/api/tickets?requester=${people.caller.id}`),
  'ticket.take': ticket(NEW, 'take', () => ({})),
  'ticket.assign': ticket(NEW, 'assign', () => ({ assigneeId: people.desk2.id })),
  'ticket.handover': ticket(NEW, 'handover', () => ({ groupKey: 'net', note: 'Over to networks' })),
  'ticket.changeImpact': ticket(NEW, 'changeImpact', () => ({ impact: 1, note: 'Wider impact' })),
  'ticket.changeUrgency': ticket(NEW, 'changeUrgency', () => ({ urgency: 1, note: 'More urgent' })),
  'ticket.setMajor': ticket(NEW, 'setMajor', () => ({ isMajor: true })),
  'ticket.hold': ticket(NEW, 'hold', () => ({ reason: 'AwaitingOther' })),
  'ticket.resume': ticket([['hold', { reason: 'AwaitingCaller' }]], 'resume', () => ({})),
  'ticket.resolve': ticket(NEW, 'resolve', () => ({ resolutionCode: 'Fixed', note: 'Fixed it' })),
  'ticket.cancel': ticket(NEW, 'cancel', () => ({ duplicateOf: 'INC-1' })),
  'ticket.confirm': ticket(RESOLVED, 'confirm', () => ({ rating: 5 })),
  'ticket.reopen': ticket(RESOLVED, 'reopen', () => ({ note: 'Not fixed' })),
  'message.readReplies': read((t) => `/api/tickets/${t.number}`, withMessages),
  'message.readWorkNotes': read((t) => `/api/tickets/${t.number}`, withMessages),
  'message.reply': ticket(NEW, 'reply', () => ({ body: 'A reply' })),
  'message.workNote': ticket(NEW, 'worknote', () => ({ body: 'A work note' })),
  'supportGroup.read': read(() => '/api/admin/support-groups'),
  'supportGroup.write': configWrite('support-groups', () => ({ name: 'New group', entraGroupId: '00000000-0000-4000-8000-0000000000ff' })),
  'service.read': read(() => '/api/admin/services'),
  'service.write': configWrite('services', () => ({ name: 'New service', ownerId: people.owner.id, defaultGroupKey: 'desk' })),
  'category.read': read(() => '/api/admin/categories'),
  'category.write': configWrite('categories', () => ({ name: 'New category' })),
  'config.read': read(() => '/api/admin/priority-matrix'),
  'config.write': {
    ok: 200,
    prepare: async () => ({ key: newKey() }),
    run: (world, _t, token) => call(world.origin, '/api/admin/priority-matrix', { ...(token ? { token } : {}), method: 'PUT', body: { matrix: [[1, 2, 3], [2, 3, 4], [3, 4, 5]] } }),
    snapshot: async (world) => (await call(world.origin, '/api/admin/priority-matrix', { token: world.tokens.admin })).body.etag,
  },
  'people.search': read(() => `/api/people?search=${encodeURIComponent('si')}`),
  'ticket.clocks': read((t) => `/api/tickets/${t.number}/clocks`),
  'ticket.clockTimeline': read((t) => `/api/tickets/${t.number}/clocks`),
  'calendar.read': read(() => '/api/admin/calendars'),
  'calendar.write': {
    ok: 201,
    prepare: async (_world, cell) => ({ key: slug(cell) }),
    run: (world, t, token) => call(world.origin, `/api/admin/calendars/${t.key}`, { ...(token ? { token } : {}), method: 'PUT', body: CALENDAR }),
    snapshot: async (world, t) => (await call(world.origin, '/api/admin/calendars', { token: world.tokens.admin })).body.items.some((c: any) => c.key === t.key),
  },
  'slaPolicy.read': read(() => '/api/admin/sla-policies'),
  'slaPolicy.write': versionWrite('sla-policies', policyBody()),
  'ola.read': read(() => '/api/admin/ola-agreements'),
  // Olu Owner owns printing, whose default group is desk.
  'ola.draft': versionWrite('ola-agreements', policyBody({ groupKey: 'desk' })),
  'ola.approve': {
    ok: 200,
    async prepare(world, cell) {
      const key = slug(cell);
      const effectiveFrom = new Date(Date.now() + 86_400_000).toISOString();
      const draft = await call(world.origin, `/api/admin/ola-agreements/${key}/versions`, { token: world.tokens.admin, body: policyBody({ groupKey: 'desk', effectiveFrom }) });
      if (draft.status !== 201) throw new Error(`prepare draft: ${draft.status} ${JSON.stringify(draft.body)}`);
      return { key };
    },
    run: (world, t, token) => call(world.origin, `/api/admin/ola-agreements/${t.key}/versions/1/approve`, { ...(token ? { token } : {}), body: {} }),
    snapshot: (world, t) => versionsOf(world, 'ola-agreements', t.key),
  },
  'kpi.read': read(() => '/api/kpi?from=2025-01-01&to=2025-01-31'),
  'kpi.drill': read(() => '/api/kpi/drill?figure=opened&from=2025-01-01&to=2025-01-31'),
  'kpi.configure': {
    ok: 201,
    prepare: async (_world, cell) => ({ key: slug(cell) }),
    run: (world, t, token) => {
      const effectiveFrom = new Date(Date.now() + 86_400_000).toISOString();
      const body = { kpi: 'reopenRate', groupId: null, serviceId: null, direction: 'lowerIsBetter', green: 5, amber: 10, effectiveFrom };
      return call(world.origin, `/api/admin/kpi-targets/${t.key}/versions`, { ...(token ? { token } : {}), body });
    },
    snapshot: async (world) => (await call(world.origin, '/api/admin/kpi-settings', { token: world.tokens.admin })).body.etag,
  },
};
