// Issue 6: date-only values come back as the site's local midnight in UTC; the mappers give back the date written.
import { describe, expect, it } from 'vitest';
import { defineList, TITLE_COLUMN } from '../../../sharepoint-lists/schema';
import { ItemMappingError } from '../errors';
import { dateOnlyFromGraph } from './date-only';
import { FieldReader, readField, writeField } from './fields';

const closures = defineList({ name: 'Closures', description: 'test', columns: [TITLE_COLUMN, { name: 'Day', type: 'dateOnly' }] });

describe('date-only columns', () => {
  it("reads 2025-06-30T23:00:00Z as 2025-07-01 and 2025-01-15T00:00:00Z as 2025-01-15 on a Europe/London site", () => {
    expect(readField(closures, { Day: '2025-06-30T23:00:00Z' }, 'Day', '1')).toBe('2025-07-01');
    expect(readField(closures, { Day: '2025-01-15T00:00:00Z' }, 'Day', '1')).toBe('2025-01-15');
    expect(new FieldReader(closures, '1', { Day: '2025-10-25T23:00:00Z' }).optionalDate('Day')).toBe('2025-10-26');
    expect(new FieldReader(closures, '1', {}).optionalDate('Day')).toBeNull();
  });

  it('follows the site time zone it is given, and keeps a plain date as it is', () => {
    expect(new FieldReader(closures, '1', { Day: '2025-07-01T04:00:00Z' }, 'America/New_York').optionalDate('Day')).toBe('2025-07-01');
    expect(dateOnlyFromGraph('2025-07-01')).toBe('2025-07-01');
    expect(dateOnlyFromGraph('2025-07-01T00:00:00+01:00')).toBe('2025-07-01');
  });

  it('writes dates as YYYY-MM-DD and refuses anything else, naming the column', () => {
    expect(writeField(closures, 'Day', '2025-07-01')).toBe('2025-07-01');
    for (const bad of ['2025-02-30', '01/07/2025', '2025-06-30T23:00:00Z']) expect(() => writeField(closures, 'Day', bad)).toThrow(ItemMappingError);
    expect(() => readField(closures, { Day: 'soon' }, 'Day', '1')).toThrow(/'Day': expected a date/);
  });
});
