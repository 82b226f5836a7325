// The input that broke the weekly trend on the whole real log: a year of day cells in which one month alone holds
// more than 5,000 (March 2016 held 6,400). Every read of the cells must stay within the list view threshold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiServices } from '../../src/api/kpi/kpi-services';
import { prefixOverlaps } from '../../src/data/lists/date-prefix-read';
import { ThresholdRefusedError } from '../../src/data/errors';
import { and, field } from '../../src/data/odata';
import { reportingDays, type KpiCell } from '../../src/domain/kpi';
import type { CommandLayer } from '../../src/api/runtime';
import { call, type EmbeddedServer } from '../support/embedded-server';
import { startEmptyKpiStore } from '../support/empty-kpi-store';

const ADMIN = { id: 'a0000000-0000-4000-8000-00000000c0de', userPrincipalName: 'cells.admin@test.example', displayName: 'Cells Admin', mail: 'cells.admin@test.example' };
const days = reportingDays('Europe/London');
const day = (iso: string) => days.dayOf(Date.parse(`${iso}T12:00:00Z`));
const BUSY_PAIRS = 170; // 31 days x 170 = 5,270 day cells in March
const QUIET_PAIRS = 3;

/** One opened ticket per (day, group) pair: 170 groups a day in March 2016, 3 a day from April to February. */
function yearOfCells(): KpiCell[] {
  const cells: KpiCell[] = [];
  for (let d = day('2016-03-01'); d < day('2017-03-01'); d++) {
    const pairs = d < day('2016-04-01') ? BUSY_PAIRS : QUIET_PAIRS;
    for (let g = 0; g < pairs; g++) cells.push({ grain: 'day', fromDay: d, groupId: `g${g}`, serviceId: 's', opened: 1 });
  }
  for (let m = day('2016-03-01'); m < day('2017-03-01'); m = days.nextMonth(m)) {
    const pairs = m === day('2016-03-01') ? BUSY_PAIRS : QUIET_PAIRS;
    const length = days.nextMonth(m) - m;
    for (let g = 0; g < pairs; g++) cells.push({ grain: 'month', fromDay: m, groupId: `g${g}`, serviceId: 's', opened: length });
  }
  return cells;
}

let server: EmbeddedServer;
let layer: CommandLayer;
let kpi: KpiServices;
let token: string;
const cells = yearOfCells();
const dayCells = cells.filter((c) => c.grain === 'day').length;

beforeAll(async () => {
  ({ server, layer, kpi, token } = await startEmptyKpiStore(ADMIN));
  await kpi.cells.replace(cells, { asOf: Date.parse('2017-03-01T00:00:00Z'), tickets: dayCells, zone: 'Europe/London', rebuiltAt: '2017-03-01T00:00:00Z' }, null);
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

describe('KPI cells on a list past the view threshold', () => {
  it('holds an input that the old query shape cannot read: one month alone has more than 5,000 day cells', async () => {
    expect(dayCells).toBe(31 * BUSY_PAIRS + (365 - 31) * QUIET_PAIRS);
    const old = layer.gateway.listAll(await kpi.cells.listId(), { filter: and(field('Grain').eq('day'), field('PeriodStart').ge('2016-03-01'), field('PeriodStart').lt('2016-04-01')), top: 5000 }, { maxItems: 100_000 });
    await expect(old).rejects.toBeInstanceOf(ThresholdRefusedError);
  });

  it('reads every day cell of the year and every month cell before it, each exactly once', async () => {
    const read = await kpi.cells.readCells('2017-03-01', [['2016-03-01', '2017-03-01']]);
    const keys = read.map((c) => `${c.grain}|${c.fromDay}|${c.groupId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(read.filter((c) => c.grain === 'day')).toHaveLength(dayCells);
    expect(read.filter((c) => c.grain === 'month')).toHaveLength(BUSY_PAIRS + 11 * QUIET_PAIRS);
  });

  it('reads a day range inside the busy month without reading outside it', async () => {
    const read = await kpi.cells.readCells('2016-03-01', [['2016-03-09', '2016-03-21']]);
    expect(read.filter((c) => c.grain === 'day')).toHaveLength(12 * BUSY_PAIRS);
    expect(read.filter((c) => c.grain === 'month')).toHaveLength(0);
  });

  it('answers the weekly trend over the twelve months through the API, every ticket counted once', async () => {
    const r = await call(server.origin, '/api/kpi/trend?from=2016-03-01&to=2017-02-28&grain=week', { token });
    expect(r.status).toBe(200);
    const points = r.body.points as { from: string; to: string; values: { opened: number } }[];
    expect(points[0]).toMatchObject({ from: '2016-03-01', to: '2016-03-06', values: { opened: 6 * BUSY_PAIRS } });
    expect(points).toHaveLength(53);
    expect(points.reduce((sum, p) => sum + p.values.opened, 0)).toBe(dayCells);
  });

  it('rewrites only what changed when the current month is refreshed, with the busy month in the list', async () => {
    const march = cells.filter((c) => c.fromDay >= day('2016-03-01') && c.fromDay < day('2016-04-01'));
    const changed = march.map((c, i) => (i === 0 ? { ...c, opened: 2 } : c));
    const summary = await kpi.cells.replace(changed, { asOf: Date.parse('2017-03-01T00:00:00Z'), tickets: dayCells, zone: 'Europe/London', rebuiltAt: '2017-03-02T00:00:00Z' }, '2016-03-01');
    // Everything from March on that is not in `changed` is gone: the other eleven months.
    expect(summary).toEqual({ created: 0, updated: 1, unchanged: march.length - 1, deleted: cells.length - march.length });
  });
});

describe('which date prefixes can hold a date in a range', () => {
  it('keeps prefixes that reach into [from, to) and drops the rest', () => {
    const range = { fromIso: '2016-03-09', toIso: '2016-03-21' };
    expect(['', '2016-03', '2016-03-0', '2016-03-1', '2016-03-2', '2016-03-09'].filter((p) => prefixOverlaps(p, range))).toEqual(['', '2016-03', '2016-03-0', '2016-03-1', '2016-03-2', '2016-03-09']);
    expect(['2016-03-08', '2016-03-21', '2016-03-3', '2016-04', '2015'].some((p) => prefixOverlaps(p, range))).toBe(false);
    expect(prefixOverlaps('1999', { fromIso: null, toIso: '2017-03-01' })).toBe(true);
    expect(prefixOverlaps('2017-04', { fromIso: null, toIso: '2017-03-01' })).toBe(false);
    expect(prefixOverlaps('2017-03-01', { fromIso: null, toIso: '2017-03-01' })).toBe(false);
  });
});
