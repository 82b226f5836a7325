import { describe, expect, it } from 'vitest';
import { and, field, ITEM_ID, odataLiteral, odataString, or, orderBy } from './odata';

describe('odataString', () => {
  it('always escapes apostrophes by doubling them', () => {
    expect(odataString("O'Brien")).toBe("'O''Brien'");
    expect(odataString("''")).toBe("''''''");
    expect(odataString('plain')).toBe("'plain'");
    expect(odataString('')).toBe("''");
  });
});

describe('odataLiteral', () => {
  it('renders each value type', () => {
    expect(odataLiteral(3)).toBe('3');
    expect(odataLiteral(-2.5)).toBe('-2.5');
    expect(odataLiteral(true)).toBe('1');
    expect(odataLiteral(false)).toBe('0');
    expect(odataLiteral(new Date('2026-03-02T10:00:00Z'))).toBe("'2026-03-02T10:00:00Z'");
    expect(odataLiteral(new Date('2026-03-02T10:00:00.250Z'))).toBe("'2026-03-02T10:00:00.250Z'");
  });

  it('refuses values that cannot be expressed', () => {
    expect(() => odataLiteral(Number.NaN)).toThrow(/non-finite/);
    expect(() => odataLiteral(Infinity)).toThrow(/non-finite/);
    expect(() => odataLiteral(new Date('nope'))).toThrow(/invalid Date/);
  });
});

describe('filter builder', () => {
  it('builds comparisons over fields/Name', () => {
    expect(field('Title').eq("O'Brien").expression).toBe("fields/Title eq 'O''Brien'");
    expect(field('Priority').le(2).expression).toBe('fields/Priority le 2');
    expect(field('Priority').ne(5).expression).toBe('fields/Priority ne 5');
    expect(field('OpenedAt').ge(new Date('2026-01-01T00:00:00Z')).expression).toBe("fields/OpenedAt ge '2026-01-01T00:00:00Z'");
    expect(field('OpenedAt').lt(new Date('2026-02-01T00:00:00Z')).expression).toBe("fields/OpenedAt lt '2026-02-01T00:00:00Z'");
    expect(field('Impact').gt(1).expression).toBe('fields/Impact gt 1');
  });

  it('joins with and, keeping the leading clause first', () => {
    const f = and(field('IsOpen').eq(true), field('AssignedGroupId').eq('service-desk'), field('Priority').le(2));
    expect(f.expression).toBe("fields/IsOpen eq 1 and fields/AssignedGroupId eq 'service-desk' and fields/Priority le 2");
    expect(f.fields).toEqual(['IsOpen', 'AssignedGroupId', 'Priority']);
    expect(and(and(field('A').eq(1), field('B').eq(2)), field('C').eq(3)).expression).toBe('fields/A eq 1 and fields/B eq 2 and fields/C eq 3');
  });

  it('joins with or, parenthesising each branch, and keeps an or inside an and together', () => {
    const either = or(field('TicketNumber').eq('INC-1'), and(field('RequesterId').eq('a'), field('IsOpen').eq(true)));
    expect(either.expression).toBe("(fields/TicketNumber eq 'INC-1') or (fields/RequesterId eq 'a' and fields/IsOpen eq 1)");
    expect(either.fields).toEqual(['TicketNumber', 'RequesterId', 'IsOpen']);
    expect(or(or(field('A').eq(1), field('B').eq(2)), field('C').eq(3)).expression).toBe('(fields/A eq 1) or (fields/B eq 2) or (fields/C eq 3)');
    expect(and(field('IsOpen').eq(true), or(field('A').eq(1), field('B').eq(2))).expression).toBe('fields/IsOpen eq 1 and ((fields/A eq 1) or (fields/B eq 2))');
    expect(or(field('A').eq(1)).expression).toBe('fields/A eq 1');
  });

  it('builds startswith, emptiness, and ne-or-empty with escaped literals', () => {
    expect(field('Title').startsWith("O'Br").expression).toBe("startswith(fields/Title,'O''Br')");
    expect(field('AssigneeId').isEmpty().expression).toBe('fields/AssigneeId eq null');
    expect(field('AssigneeId').notEmpty().expression).toBe('fields/AssigneeId ne null');
    expect(field('State').neOrEmpty('Closed').expression).toBe("(fields/State ne 'Closed') or (fields/State eq null)");
    expect(() => field('Title').startsWith(3 as unknown as string)).toThrow(/takes a string/);
  });

  it('refuses column names that could smuggle in an expression', () => {
    expect(() => field("Title eq 'x' or 1 eq 1 or Title")).toThrow(/Not a column name/);
    expect(() => field('')).toThrow(/Not a column name/);
    expect(() => field('Title/x')).toThrow(/Not a column name/);
  });
});

describe('orderBy', () => {
  it('builds $orderby terms', () => {
    expect(orderBy('Priority', ['OpenedAt', 'desc']).expression).toBe('fields/Priority,fields/OpenedAt desc');
    expect(orderBy(ITEM_ID).expression).toBe('id');
    expect(orderBy([ITEM_ID, 'desc']).expression).toBe('id desc');
  });

  it('refuses bad names, directions and empty lists', () => {
    expect(() => orderBy()).toThrow(/at least one/);
    expect(() => orderBy('Priority desc')).toThrow(/Not a column name/);
    expect(() => orderBy(['Priority', 'sideways' as 'asc'])).toThrow(/asc or desc/);
  });
});
