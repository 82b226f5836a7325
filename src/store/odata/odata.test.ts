import { describe, expect, it } from 'vitest';
import { ODataSyntaxError } from './lexer';
import { clausesOf, leadingClauses, parseFilter, type Comparison } from './filter-parser';
import { parseItemsExpand, parseOrderBy, parseTop } from './query-options';

const conjuncts = (node: ReturnType<typeof parseFilter>) => clausesOf(node) as Comparison[];

const syntaxError = (run: () => unknown): ODataSyntaxError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ODataSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a syntax error');
};

describe('$filter parser', () => {
  it('reads doubled apostrophes inside string literals', () => {
    const node = parseFilter("fields/Owner eq 'O''Brien'");
    expect(node).toMatchObject({ type: 'cmp', property: { kind: 'field', name: 'Owner' }, op: 'eq', literal: { kind: 'string', value: "O'Brien" } });
    expect(parseFilter("fields/Owner eq ''''")).toMatchObject({ literal: { value: "'" } });
    expect(parseFilter("fields/Owner eq ''")).toMatchObject({ literal: { value: '' } });
  });

  it('reads every comparison operator, numbers, booleans, null, instants and id', () => {
    const clauses = conjuncts(parseFilter(
      "id ge 3 and fields/Rank lt -2.5 and fields/Flag eq true and fields/Flag ne 0 and fields/Owner eq null and fields/DueAt le '2026-03-01T09:00:00Z' and fields/DueAt gt 2026-01-01T00:00:00Z and fields/Rank le 1e3",
    ));
    expect(clauses.map((c) => c.op)).toEqual(['ge', 'lt', 'eq', 'ne', 'eq', 'le', 'gt', 'le']);
    expect(clauses[0]).toMatchObject({ property: { kind: 'id' }, literal: { kind: 'number', value: 3 } });
    expect(clauses[1]!.literal).toMatchObject({ kind: 'number', value: -2.5 });
    expect(clauses[2]!.literal).toEqual({ kind: 'boolean', value: true });
    expect(clauses[4]!.literal).toEqual({ kind: 'null' });
    expect(clauses[5]!.literal).toEqual({ kind: 'string', value: '2026-03-01T09:00:00Z' });
    expect(clauses[6]!.literal).toEqual({ kind: 'datetime', value: '2026-01-01T00:00:00Z' });
    expect(clauses[7]!.literal).toMatchObject({ value: 1000 });
  });

  it('keeps the leftmost clause first through parentheses, and records positions', () => {
    const clauses = conjuncts(parseFilter("(fields/Flag eq 1 and (fields/Category eq 'a')) and fields/Rank gt 2"));
    expect(clauses.map((c) => c.property)).toEqual([{ kind: 'field', name: 'Flag' }, { kind: 'field', name: 'Category' }, { kind: 'field', name: 'Rank' }]);
    expect(clauses.map((c) => c.position)).toEqual([2, 24, 53]);
    expect(conjuncts(parseFilter('fields/id eq 4'))[0]!.property).toEqual({ kind: 'id' });
  });

  it('names the problem and its position', () => {
    expect(syntaxError(() => parseFilter("fields/Owner eq 'O'Brien'"))).toMatchObject({ position: 20 });
    expect(syntaxError(() => parseFilter("fields/Owner eq 'O'Brien'")).detail).toMatch(/found 'Brien' \(a quote inside a string is written as two quotes/);
    expect(syntaxError(() => parseFilter("fields/Owner eq 'open"))).toMatchObject({ position: 17, detail: expect.stringMatching(/unterminated string/) });
    expect(syntaxError(() => parseFilter('fields/Rank equals 3'))).toMatchObject({ position: 13, detail: expect.stringMatching(/comparison operator/) });
    expect(syntaxError(() => parseFilter('fields/Rank eq'))).toMatchObject({ position: 15, detail: expect.stringMatching(/expected a literal/) });
    expect(syntaxError(() => parseFilter("Owner eq 'x'"))).toMatchObject({ position: 1, detail: expect.stringMatching(/unknown property 'Owner'/) });
    expect(syntaxError(() => parseFilter("not fields/Rank eq 1"))).toMatchObject({ position: 1, detail: expect.stringMatching(/'not' is not supported/) });
    expect(syntaxError(() => parseFilter("fields/Rank eq 1 not fields/Rank eq 2"))).toMatchObject({ position: 18, detail: expect.stringMatching(/'not' is not supported/) });
    expect(syntaxError(() => parseFilter("endswith(fields/Owner,'a')"))).toMatchObject({ detail: expect.stringMatching(/function 'endswith' is not supported by the local store \(only startswith\)/) });
    expect(syntaxError(() => parseFilter("startswith(fields/Owner,3)"))).toMatchObject({ position: 25, detail: expect.stringMatching(/takes a string/) });
    expect(syntaxError(() => parseFilter("startswith(fields/Owner 'a')"))).toMatchObject({ detail: expect.stringMatching(/expected ','/) });
    expect(syntaxError(() => parseFilter("startswith(fields/Owner,'a'"))).toMatchObject({ detail: expect.stringMatching(/expected '\)' to close startswith/) });
    expect(syntaxError(() => parseFilter("startswith(fields/Owner,'a') eq true"))).toMatchObject({ detail: expect.stringMatching(/on its own/) });
    expect(syntaxError(() => parseFilter("fields/Rank eq 1 or"))).toMatchObject({ detail: expect.stringMatching(/expected a property/) });
    expect(syntaxError(() => parseFilter('(fields/Rank eq 1'))).toMatchObject({ detail: expect.stringMatching(/expected '\)'/) });
    expect(syntaxError(() => parseFilter('fields/Rank eq 1)'))).toMatchObject({ detail: expect.stringMatching(/unbalanced/) });
    expect(syntaxError(() => parseFilter('fields/Rank eq #'))).toMatchObject({ position: 16, detail: expect.stringMatching(/unexpected character '#'/) });
    expect(syntaxError(() => parseFilter('  '))).toMatchObject({ detail: 'the filter is empty' });
  });
});

describe('or and startswith', () => {
  it("binds 'and' tighter than 'or', as OData does, and keeps parentheses", () => {
    const node = parseFilter("fields/A eq 1 or fields/B eq 2 and fields/C eq 3");
    expect(node).toMatchObject({ type: 'or', left: { type: 'cmp' }, right: { type: 'and' } });
    const grouped = parseFilter("(fields/A eq 1 or fields/B eq 2) and fields/C eq 3");
    expect(grouped).toMatchObject({ type: 'and', left: { type: 'or' }, right: { type: 'cmp' } });
    expect(parseFilter("fields/A eq 1 OR fields/B eq 2")).toMatchObject({ type: 'or' });
  });

  it('reads startswith with doubled apostrophes, and names the leading clauses of each or-branch', () => {
    expect(parseFilter("startswith(fields/Title,'O''Br')")).toEqual({ type: 'startswith', property: { kind: 'field', name: 'Title' }, prefix: "O'Br", position: 1 });
    const node = parseFilter("(fields/A eq 1 and fields/B eq 2) or startswith(fields/C,'x') or (fields/D eq 4 and (fields/E eq 5 or fields/F eq 6))");
    expect(leadingClauses(node).map((c) => (c.property as { name: string }).name)).toEqual(['A', 'C', 'D']);
    expect(clausesOf(node)).toHaveLength(6);
    expect(leadingClauses(parseFilter("fields/A eq 1 and (fields/B eq 2 or fields/C eq 3)")).map((c) => (c.property as { name: string }).name)).toEqual(['A']);
  });
});

describe('$orderby, $expand and $top', () => {
  it('reads several keys with directions', () => {
    expect(parseOrderBy('fields/Rank desc, id')).toEqual([
      { property: { kind: 'field', name: 'Rank' }, descending: true },
      { property: { kind: 'id' }, descending: false },
    ]);
    expect(() => parseOrderBy('fields/Rank sideways')).toThrow(/expected asc or desc/);
    expect(() => parseOrderBy('Rank')).toThrow(/unknown property 'Rank'/);
  });

  it('reads fields and fields($select=...) in both spellings', () => {
    expect(parseItemsExpand(undefined)).toEqual({ fields: false });
    expect(parseItemsExpand('fields')).toEqual({ fields: true });
    expect(parseItemsExpand('fields($select=Title,Rank)')).toEqual({ fields: true, select: ['Title', 'Rank'] });
    expect(parseItemsExpand('fields(select=Title)')).toEqual({ fields: true, select: ['Title'] });
    expect(() => parseItemsExpand('driveItem')).toThrow(/supports only 'fields'/);
  });

  it('defaults $top to 200 and refuses more than 5,000', () => {
    expect(parseTop(undefined)).toBe(200);
    expect(parseTop('5000')).toBe(5000);
    expect(() => parseTop('5001')).toThrow(/at most 5000/);
    expect(() => parseTop('0')).toThrow(/at least 1/);
    expect(() => parseTop('ten')).toThrow(/whole number/);
  });
});
