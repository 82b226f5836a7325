// Drill-down on a ticket list past the view threshold, for a month long ago: the input that broke it on the whole
// real log, where `OpenedAt ge 2016-03-01` alone matches nearly every one of 24,918 tickets. Here 8,400 tickets are
// opened from January to June 2016 (1,400 a month: 5,600 from March on), each resolved two days later, stored straight into the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiServices } from '../../src/api/kpi/kpi-services';
import { rebuildAll } from '../../src/api/kpi/rebuild';
import { ThresholdRefusedError } from '../../src/data/errors';
import { field } from '../../src/data/odata';
import { ticketToFields } from '../../src/data/mappers/tickets';
import { createIncident } from '../../src/domain/tickets/create-incident';
import { resolve } from '../../src/domain/tickets/commands/resolve';
import { take } from '../../src/domain/tickets/commands/take';
import { DEFAULT_PRIORITY_MATRIX } from '../../src/domain/tickets/priority';
import type { PersonRef, Ticket } from '../../src/domain/tickets/types';
import type { CommandLayer } from '../../src/api/runtime';
import { call, type EmbeddedServer } from '../support/embedded-server';
import { startEmptyKpiStore } from '../support/empty-kpi-store';

const ADMIN = { id: 'a0000000-0000-4000-8000-00000000d011', userPrincipalName: 'drill.admin@test.example', displayName: "Dee O'Donnell", mail: 'drill.admin@test.example' };
const requester: PersonRef = { id: 'oid-req', upn: "pat.o'neill@test.example", name: "Pat O'Neill" };
const analyst: PersonRef = { id: 'oid-an', upn: 'an@test.example', name: 'An Analyst' };
const HOUR = 3_600_000;
const PER_MONTH = 1400;
const MONTHS = ['2016-01', '2016-02', '2016-03', '2016-04', '2016-05', '2016-06'];
/** Tickets written without LastMilestoneDate, as a list stored before the column existed would hold them. */
const UNMARKED = 25;

function resolvedTicket(n: number, openedAt: number): Ticket {
  const at = (t: number) => new Date(t).toISOString();
  const created = createIncident(
    { title: `Old ticket ${n}`, description: 'Imported long ago.', impact: 3, urgency: 3, serviceId: 'email' },
    { number: `OLD${String(n).padStart(6, '0')}`, now: at(openedAt), actor: requester, actorRole: 'Requester', requester, matrix: DEFAULT_PRIORITY_MATRIX, assignedGroupId: 'desk' },
  );
  if (!created.ok) throw new Error('create');
  const taken = take(created.value, { now: at(openedAt + HOUR), actor: analyst, actorRole: 'Analyst', commandKey: null });
  if (!taken.ok) throw new Error('take');
  const done = resolve(taken.value.ticket, { resolutionCode: 'Fixed', note: 'Done.' }, { now: at(openedAt + 48 * HOUR), actor: analyst, actorRole: 'Analyst', commandKey: null });
  if (!done.ok) throw new Error('resolve');
  return done.value.ticket;
}

let server: EmbeddedServer;
let layer: CommandLayer;
let kpi: KpiServices;
let token: string;

beforeAll(async () => {
  ({ server, layer, kpi, token } = await startEmptyKpiStore(ADMIN));
  const rows: Record<string, unknown>[] = [];
  let n = 0;
  for (const month of MONTHS) {
    const start = Date.parse(`${month}-04T09:00:00Z`);
    // Ten a working hour over 20 days: all opened and resolved well inside their month, none near a DST change.
    for (let i = 0; i < PER_MONTH; i++) {
      const fields: Record<string, unknown> = ticketToFields(resolvedTicket(++n, start + Math.floor(i / 70) * 24 * HOUR + (i % 70) * 6 * 60_000), { idempotencyKey: `old-${n}` });
      if (month === '2016-03' && i < UNMARKED) delete fields['LastMilestoneDate'];
      rows.push(fields);
    }
  }
  server.store.data.insertItems('Tickets', rows);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const drill = async (figure: string) => {
  const r = await call(server.origin, `/api/kpi/drill?figure=${figure}&from=2016-03-01&to=2016-03-31`, { token });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.rows as { number: string }[];
};

describe('drill-down into a month long ago on a list past 5,000 tickets', () => {
  it('is an input the old query shape cannot read', async () => {
    const old = layer.gateway.listAll(layer.listIds.tickets, { filter: field('OpenedAt').ge(new Date('2016-03-01T00:00:00Z')), top: 5000 }, { maxItems: 100_000 });
    await expect(old).rejects.toBeInstanceOf(ThresholdRefusedError);
  });

  it('fills the milestone date of tickets stored without it when the aggregates are rebuilt', async () => {
    const summary = await rebuildAll(kpi, new Date('2016-07-01T00:00:00Z'));
    expect(summary.milestonesFilled).toBe(UNMARKED);
    expect(summary.tickets).toBe(MONTHS.length * PER_MONTH);
    expect((await rebuildAll(kpi, new Date('2016-07-01T00:00:00Z'))).milestonesFilled).toBe(0);
  });

  it('lists exactly the tickets opened in the month, as many as the figure counts', async () => {
    const rows = await drill('opened');
    expect(rows).toHaveLength(PER_MONTH);
    expect(new Set(rows.map((r) => r.number)).size).toBe(PER_MONTH);
    expect(rows[0]!.number).toBe(`OLD${String(2 * PER_MONTH + 1).padStart(6, '0')}`);
    const report = await call(server.origin, '/api/kpi?from=2016-03-01&to=2016-03-31', { token });
    expect((report.body.figures as { id: string; value: number }[]).find((f) => f.id === 'opened')!.value).toBe(PER_MONTH);
  });

  it('lists the tickets resolved in the month, those opened in it and never those opened after it', async () => {
    const rows = await drill('resolved');
    expect(rows).toHaveLength(PER_MONTH);
    expect(rows.every((r) => r.number > `OLD${String(2 * PER_MONTH).padStart(6, '0')}` && r.number <= `OLD${String(3 * PER_MONTH).padStart(6, '0')}`)).toBe(true);
  });
});
