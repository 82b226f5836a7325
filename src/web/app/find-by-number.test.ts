import { describe, expect, it } from 'vitest';
import { numberProblem } from './FindByNumber';

describe('the find box checks a ticket number before asking for it', () => {
  it('takes new and imported numbers', () => {
    expect(['INC-1234', 'INC0012345', 'RITM-7', 'A'].map(numberProblem)).toEqual([null, null, null, null]);
  });

  it('says what is wrong with a pasted paragraph or a stray character', () => {
    expect(numberProblem('X'.repeat(5000))).toBe('A ticket number has at most 48 characters; this has 5000.');
    expect(numberProblem("INC-1'; DROP")).toBe('A ticket number has only letters, digits and dashes, like INC-1234.');
    expect(numberProblem('-INC')).toBe('A ticket number has only letters, digits and dashes, like INC-1234.');
  });
});
