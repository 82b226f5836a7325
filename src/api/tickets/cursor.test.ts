import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

const link = "http://127.0.0.1:4280/v1.0/sites/s/lists/L1/items?$filter=fields/IsOpen eq 1 and fields/AssignedGroupId eq 'g'&$top=50&$skiptoken=abc";

describe('paging cursors', () => {
  it('round-trip for the same scope and list', () => {
    expect(decodeCursor(encodeCursor('queue:g', link), 'queue:g', 'L1')).toBe(link);
  });

  it('refuse an edited link, even with a re-encoded payload', () => {
    const [, signature] = encodeCursor('queue:g', link).split('.');
    const forged = Buffer.from(JSON.stringify({ scope: 'queue:g', link: link.replace("and fields/AssignedGroupId eq 'g'", '').replace('$top=50', '$top=5000') })).toString('base64url');
    expect(() => decodeCursor(`${forged}.${signature}`, 'queue:g', 'L1')).toThrow('The cursor is not one this API handed out');
    expect(() => decodeCursor('garbage', 'queue:g', 'L1')).toThrow('The cursor is not one this API handed out');
    expect(() => decodeCursor(`${encodeCursor('queue:g', link)}.x`, 'queue:g', 'L1')).toThrow('The cursor is not one this API handed out');
  });

  it('refuse a genuine cursor used for another queue or list', () => {
    const cursor = encodeCursor('queue:g', link);
    expect(() => decodeCursor(cursor, 'queue:h', 'L1')).toThrow('The cursor belongs to another list of tickets');
    expect(() => decodeCursor(cursor, 'queue:g', 'L2')).toThrow('The cursor belongs to another list of tickets');
  });
});
