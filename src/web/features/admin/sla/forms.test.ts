import { describe, expect, it } from 'vitest';
import { hoursToText, textToHours } from './hours-text';
import { emptyPolicyForm, targetText, toRequest } from './policy-form';

describe('weekly hours as text', () => {
  it('round-trips ranges with a lunch break and names a day it cannot read', () => {
    const text = hoursToText({ '1': [{ start: '09:00', end: '12:30' }, { start: '13:30', end: '17:00' }] });
    expect([text['1'], text['6']]).toEqual(['09:00-12:30, 13:30-17:00', '']);
    expect(textToHours({ ...text, '2': '8:00 - 18:00', '3': 'all day' })).toEqual({
      hours: { '1': [{ start: '09:00', end: '12:30' }, { start: '13:30', end: '17:00' }], '2': [{ start: '08:00', end: '18:00' }] },
      errors: { '3': 'Wednesday: write ranges as 09:00-17:00, separated by commas.' },
    });
  });
});

describe('policy form', () => {
  it('turns hours into working minutes, leaves pause rules out when every reason pauses, and reads thresholds', () => {
    const form = { ...emptyPolicyForm('office-hours'), name: 'Gold', thresholds: '50 75, 90' };
    const request = toRequest({ ...form, targets: { ...form.targets, 1: { response: { amount: '15', unit: 'minutes' }, resolution: { amount: '2.5', unit: 'hours' } } } });
    expect(request.targets['1']).toEqual({ response: { unit: 'businessMinutes', value: 15 }, resolution: { unit: 'businessMinutes', value: 150 } });
    expect(request.targets['2']).toEqual({ response: { unit: 'businessMinutes', value: 240 }, resolution: { unit: 'businessDays', value: 3 } });
    expect([request.pausedBy, request.warningThresholds, request.effectiveFrom]).toEqual([null, [50, 75, 90], '']);
    expect(toRequest({ ...form, pausedBy: { response: ['AwaitingCaller'], resolution: ['AwaitingCaller', 'AwaitingSupplier'] } }).pausedBy).toEqual({ response: ['AwaitingCaller'], resolution: ['AwaitingCaller', 'AwaitingSupplier'] });
    expect([targetText({ unit: 'businessMinutes', value: 240 }), targetText({ unit: 'businessMinutes', value: 15 }), targetText(null)]).toEqual([
      { amount: '4', unit: 'hours' }, { amount: '15', unit: 'minutes' }, { amount: '', unit: 'none' },
    ]);
  });
});
