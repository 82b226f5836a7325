// Defect: the "Put on hold" form required a message to the caller, though the API's hold note is optional.
import { describe, expect, it } from 'vitest';
import { COMMANDS, missingFields } from './actions';

describe('the Put on hold form', () => {
  const hold = COMMANDS.hold!;

  it('asks for a reason and offers an optional message, as the API does', () => {
    expect(hold.fields.map((f) => [f.name, f.required ?? false])).toEqual([['reason', true], ['note', false]]);
    expect(hold.fields[1]!.label).toBe('Message to the caller (optional; they see it)');
  });

  it('submits with a reason and no message, and still asks for the reason', () => {
    expect(missingFields(hold, { reason: 'AwaitingSupplier' })).toEqual({});
    expect(missingFields(hold, { reason: 'AwaitingSupplier', note: '  ' })).toEqual({});
    expect(missingFields(hold, { note: 'Back on Monday' })).toEqual({ reason: 'Reason is required.' });
  });
});
