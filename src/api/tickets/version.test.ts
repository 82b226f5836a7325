import { describe, expect, it } from 'vitest';
import { commandKeyOf } from './commands/command-key';
import type { StoredTicket } from './ticket-repository';
import { parseVersion, sameVersion, versionOf } from './version';

const stored = (entries: number, etag = '"{1A2B},3"') => ({ itemId: '7', etag, ticket: { history: Array.from({ length: entries }) } }) as unknown as StoredTicket;

describe('ticket versions', () => {
  it('hands out the history count and a digest of the item ETag, and reads them back from If-Match or the body', () => {
    const v = versionOf(stored(3));
    expect(v).toMatch(/^"3-[A-Za-z0-9_-]{16}"$/);
    expect(parseVersion(v, undefined)).toEqual({ seenEntries: 3, digest: v.slice(3, 19) });
    expect(parseVersion(undefined, v)).toEqual(parseVersion(`W/${v}`, undefined));
    expect(parseVersion(undefined, v.replaceAll('"', ''))).toEqual(parseVersion(v, undefined));
    expect(parseVersion(undefined, undefined)).toBeNull();
    expect(parseVersion('  ', 42)).toBeNull();
  });
  it('matches only the same item version', () => {
    const v = parseVersion(versionOf(stored(3)), undefined)!;
    expect(sameVersion(stored(3), v)).toBe(true);
    expect(sameVersion(stored(3, '"{1A2B},4"'), v)).toBe(false);
    expect(sameVersion(stored(4), v)).toBe(false);
  });
  it('refuses versions it did not hand out, naming the header', () => {
    for (const bad of ['"abc"', '*', '"3-short"', "'3-AAAAAAAAAAAAAAAA'", '"9999999-AAAAAAAAAAAAAAAA"']) {
      expect(() => parseVersion(bad, undefined)).toThrow(/not one this API handed out/);
    }
  });
});

describe('command keys', () => {
  it('takes the header, else the body, else makes a short one', () => {
    expect(commandKeyOf('client-key-1', {})).toEqual({ key: 'client-key-1', fromClient: true });
    expect(commandKeyOf(undefined, { clientKey: 'body-key-01' })).toEqual({ key: 'body-key-01', fromClient: true });
    const made = commandKeyOf(undefined, {});
    expect(made.fromClient).toBe(false);
    expect(made.key).toMatch(/^api-[A-Za-z0-9_-]{12}$/);
    expect(() => commandKeyOf("o'brien's key", {})).toThrow(/Idempotency-Key must be 8 to 64/);
    expect(() => commandKeyOf('short', {})).toThrow();
  });
});
