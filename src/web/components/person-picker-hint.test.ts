import { describe, expect, it } from 'vitest';
import { pickerHint } from './person-picker-hint';

describe('the people picker hint', () => {
  it('never lets a full page of 20 look like everyone (33 people matched "Aisha")', () => {
    expect(pickerHint('Aisha', 20)).toBe('The first 20 matches; type more of the name to narrow them.');
    expect(pickerHint('Aisha C', 3)).toBe('3 found.');
    expect(pickerHint(' a ', 0)).toBe('Type at least two letters of a name or email address.');
    expect(pickerHint("O'B", 0)).toBe('No one found yet.');
  });
});
