import { describe, expect, it } from 'vitest';
import { factsOf, handBuiltSet } from '../../domain/kpi/testing';
import { handoverChain } from './drill';

const HOUR = 3_600_000;

describe('hand-over chain of a drilled ticket', () => {
  it('lists each group in turn with the time it held the ticket and its OLA resolution target', () => {
    const t4 = factsOf(handBuiltSet()).find((f) => f.number === 'T4')!;
    const chain = handoverChain(t4);
    expect(chain.map((c) => [c.groupId, c.heldMs / HOUR, (c.targetMs ?? 0) / HOUR])).toEqual([['G1', 1, 2], ['G2', 2, 1], ['G3', 2, 4]]);
    expect(chain[2]!.to).toBeNull();
  });
});
