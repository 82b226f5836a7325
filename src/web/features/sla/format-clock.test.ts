import { describe, expect, it } from 'vitest';
import type { ClockSummaryDto } from '../../../contracts/sla';
import { nameOf } from '../../components/reference-names';
import { bandOf, clockTitle, compareDue, formatDuration, formatTarget, summaryText } from './format-clock';

const clock = (over: Partial<ClockSummaryDto>): ClockSummaryDto => ({ kind: 'resolution', state: 'running', dueAt: '2025-01-14T11:00:00Z', remainingMs: 7_800_000, percentElapsed: 45.2, measure: 'business', ...over });

describe('clock words', () => {
  it('formats durations and targets', () => {
    expect([formatDuration(45 * 60_000), formatDuration(7_800_000), formatDuration(-3_600_000)]).toEqual(['45 min', '2 h 10 min', '1 h']);
    expect([formatTarget({ unit: 'businessMinutes', value: 240 }), formatTarget({ unit: 'businessMinutes', value: 15 }), formatTarget({ unit: 'businessDays', value: 1 }), formatTarget({ unit: 'calendarDays', value: 7 })]).toEqual([
      '4 working hours', '15 working minutes', '1 working day', '7 calendar days',
    ]);
  });

  it('says time left or overdue with the share elapsed, and bands it in words', () => {
    expect(summaryText(clock({}))).toBe('Resolution: 2 h 10 min left (45 %)');
    expect(summaryText(clock({ kind: 'response', state: 'breached', remainingMs: -3_600_000, percentElapsed: 125 }))).toBe('Response: overdue by 1 h (125 %)');
    expect(summaryText(clock({ state: 'paused', dueAt: null }))).toBe('Resolution: paused, 2 h 10 min left (45 %)');
    expect([bandOf('running', 45), bandOf('running', 80), bandOf('running', 100), bandOf('breached', 130), bandOf('paused', 90), bandOf('met', 50)]).toEqual(['ok', 'warning', 'danger', 'danger', 'paused', 'done']);
  });

  it('sorts by due: soonest first, then paused, then finished, then none', () => {
    const rows = [null, clock({ state: 'met' }), clock({ state: 'paused', dueAt: null }), clock({ dueAt: '2025-01-15T09:00:00Z' }), clock({ dueAt: '2025-01-14T09:00:00Z' })];
    expect([...rows].sort(compareDue).map((c) => (c ? `${c.state}:${c.dueAt}` : 'none'))).toEqual([
      'running:2025-01-14T09:00:00Z', 'running:2025-01-15T09:00:00Z', 'paused:null', 'met:2025-01-14T11:00:00Z', 'none',
    ]);
  });

  it('names an OLA clock for its support group, and says when the group is unknown', () => {
    const groupName = (key: string) => nameOf([{ key: 'group-73', name: 'Network Operations' }], key, 'group');
    expect([
      clockTitle({ scope: 'ola', kind: 'response', groupKey: 'group-73' }, groupName),
      clockTitle({ scope: 'ola', kind: 'resolution', groupKey: 'group-9' }, groupName),
      clockTitle({ scope: 'sla', kind: 'resolution', groupKey: null }, groupName),
    ]).toEqual(['Network Operations response (OLA)', 'group-9 (unknown group) resolution (OLA)', 'Customer resolution (SLA)']);
  });
});
