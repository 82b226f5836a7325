import { describe, expect, it } from 'vitest';
import type { KpiTargetVersionDto } from '../../../../contracts/kpi-settings';
import { bandsText, fromInput, seriesIdFor, seriesOf, toInput, tomorrowOf, versionsAround } from './target-text';

const v = (version: number, effectiveFrom: string, extra: Partial<KpiTargetVersionDto> = {}): KpiTargetVersionDto => ({
  id: 'slaResolution', version, kpi: 'slaResolution', groupId: null, serviceId: null, effectiveFrom, direction: 'higherIsBetter', green: 95, amber: 90, createdAt: null, createdByName: null, ...extra,
});

describe('KPI targets page helpers', () => {
  it('groups versions into series and finds the one in force and the next one', () => {
    const [series] = seriesOf([v(2, '2025-03-01T00:00:00Z'), v(1, '2025-01-01T00:00:00Z'), v(3, '2025-06-01T00:00:00Z')]);
    expect(series!.versions.map((x) => x.version)).toEqual([1, 2, 3]);
    const around = versionsAround(series!, Date.parse('2025-04-10T00:00:00Z'));
    expect([around.current?.version, around.next?.version]).toEqual([2, 3]);
    expect(versionsAround(series!, Date.parse('2024-12-01T00:00:00Z')).current).toBeNull();
  });

  it('names new series by KPI and scope', () => {
    expect([seriesIdFor('slaResolution', null, null), seriesIdFor('reopenRate', 'desk', 'printing')]).toEqual(['slaResolution', 'reopenRate-group-desk-service-printing']);
  });

  it('says the three bands in words, in the unit typed (hours for durations)', () => {
    expect(bandsText('slaResolution', 'higherIsBetter', 95, 90)).toBe('Green: at least 95 %. Amber: at least 90 %, below 95 %. Red: below 90 %.');
    expect(bandsText('mttrCalendarMedian', 'lowerIsBetter', 8 * 3_600_000, 24 * 3_600_000)).toBe('Green: at most 8 hours. Amber: at most 24 hours, above 8 hours. Red: above 24 hours.');
    expect([toInput('mttrCalendarMedian', fromInput('mttrCalendarMedian', 1.5)), fromInput('reopenRate', 5)]).toEqual([1.5, 5]);
  });

  it('offers tomorrow as the earliest start', () => {
    expect(tomorrowOf(new Date(2025, 11, 31, 15, 0))).toBe('2026-01-01');
  });
});
