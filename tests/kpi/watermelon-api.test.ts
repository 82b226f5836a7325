// The watermelon warning through the real API: SLA resolution compliance is green in January and February, while the
// share of life on hold rose by exactly the margin for Printing (2.0 points) and just under it for VPN (1.9 points).
// The server's clock is moved as the tickets are worked; the worker's KPI job builds the aggregates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, must, raiseNow, startSlaWorld, step, type SlaWorld } from '../support/sla-world';

let s: SlaWorld;

/** One ticket of `service`, opened at `open` and resolved 1,000 minutes later, on hold for `holdMinutes` in between. */
async function ticket(service: string, day: string, holdMinutes: number): Promise<string> {
  s.at(`${day} 09:00`);
  const number = await raiseNow(s, { serviceId: service, title: `${service} ${day}` });
  if (holdMinutes > 0) {
    s.at(`${day} 09:10`);
    await step(s, number, 'hold', { reason: 'AwaitingSupplier' });
    s.at(`${day} 09:${String(10 + holdMinutes).padStart(2, '0')}`);
    await step(s, number, 'resume');
  }
  // 1,000 minutes after opening: 01:40 the next day, well inside the standard policy's resolution target.
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  s.at(`${next} 01:40`);
  await step(s, number, 'resolve', { resolutionCode: 'Fixed', note: 'Done' });
  return number;
}

const report = async (service: string) => must(admin(s, `/api/kpi?from=2025-02-01&to=2025-02-28&service=${service}`), 200);
const figure = (r: { figures: { id: string; value: number | null; status: string }[] }, id: string) => r.figures.find((f) => f.id === id)!;
const setMargin = async (points: number) => {
  const { etag } = await must(admin(s, '/api/admin/kpi-settings'), 200);
  return must(admin(s, '/api/admin/kpi-settings', { method: 'PUT', body: { watermelonMarginPoints: points }, headers: { 'if-match': etag } }), 200);
};

beforeAll(async () => {
  s = await startSlaWorld('2024-12-02 09:00');
  // SLA resolution compliance of 90 % or more is green from January (set before then: targets never start in the past).
  await must(admin(s, '/api/admin/kpi-targets/slaResolution/versions', { body: { kpi: 'slaResolution', direction: 'higherIsBetter', green: 90, amber: 80, effectiveFrom: '2025-01-01' } }), 201);
  for (const service of ['printing', 'vpn']) await ticket(service, '2025-01-06', 0);
  await ticket('printing', '2025-02-03', 20);
  await ticket('vpn', '2025-02-03', 19);
  s.at('2025-03-03 09:00');
  const built = await s.world.server.worker.runOnce('kpi-aggregates');
  expect([built.examined, built.problems]).toEqual([4, []]);
}, 120_000);
afterAll(async () => {
  await s?.stop();
});

describe('the watermelon warning over HTTP', () => {
  it('warns when SLA compliance is green in both months and the on-hold share rose by the margin (2 points)', async () => {
    const r = await report('printing');
    expect([figure(r, 'slaResolution').value, figure(r, 'slaResolution').status]).toEqual([100, 'green']);
    expect(figure(r, 'onHoldShare').value).toBeCloseTo(2, 6);
    expect(r.watermelonMarginPoints).toBe(2);
    expect(r.watermelon).toMatchObject({ marginPoints: 2, rises: [{ kpi: 'onHoldShare', previous: 0, rise: 2 }] });
    expect(r.watermelon.message).toMatch(/share of life on hold rose from 0.0 % to 2.0 %/);
  });

  it('does not warn when the rise is just under the margin (1.9 points)', async () => {
    const r = await report('vpn');
    expect([figure(r, 'slaResolution').status, figure(r, 'onHoldShare').value]).toEqual(['green', expect.closeTo(1.9, 6)]);
    expect(r.watermelon).toBeNull();
  });

  it('flips when an admin changes the margin through the API', async () => {
    await setMargin(1.5);
    expect((await report('vpn')).watermelon).toMatchObject({ marginPoints: 1.5, rises: [{ kpi: 'onHoldShare', rise: 1.9 }] });
    await setMargin(2.5);
    const printing = await report('printing');
    expect([printing.watermelonMarginPoints, printing.watermelon]).toEqual([2.5, null]);
  });
});
