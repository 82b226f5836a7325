import { describe, expect, it } from 'vitest';
import { priorityFor } from './questions';

describe('priority from the two questions', () => {
  it('uses the default matrix: everyone stopped is P1, just me and not blocked is P5', () => {
    expect(priorityFor(1, 1)).toBe(1);
    expect(priorityFor(3, 3)).toBe(5);
    expect(priorityFor(2, 3)).toBe(4);
  });
  it("uses the API's matrix when it sends one", () => {
    const matrix = [
      [1, 1, 2],
      [2, 3, 3],
      [3, 4, 4],
    ];
    expect(priorityFor(1, 2, matrix)).toBe(1);
    expect(priorityFor(3, 3, matrix)).toBe(4);
  });
});
