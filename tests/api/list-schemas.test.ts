import { describe, expect, it } from 'vitest';
import { MAX_INDEXED_COLUMNS, allLists, indexedColumns } from '../../sharepoint-lists';

describe('list schemas', () => {
  it.each(Object.entries(allLists))('%s stays within SharePoint limits: at most 20 indexed columns, unique only when indexed', (_, schema) => {
    expect(indexedColumns(schema).length).toBeLessThanOrEqual(MAX_INDEXED_COLUMNS);
    for (const column of schema.columns) {
      if (column.unique) expect([column.name, column.indexed]).toEqual([column.name, true]);
      if (column.type === 'text') expect(column.maxLength ?? 255).toBeLessThanOrEqual(255);
      if (column.type === 'note' && column.maxLength !== undefined) expect(column.maxLength).toBeLessThanOrEqual(63_999);
    }
    expect(new Set(schema.columns.map((c) => c.name)).size).toBe(schema.columns.length);
  });

  it('keeps the ticket list at its counted indexes, each one a query the API makes', () => {
    expect(indexedColumns(allLists.tickets).map((c) => c.name)).toEqual([
      'TicketNumber', 'TicketType', 'ParentNumber', 'State', 'IsOpen', 'Priority', 'ServiceId', 'AssignedGroupId', 'AssigneeId',
      'RequesterId', 'OpenedById', 'OpenedAt', 'ResolvedAt', 'ClosedAt', 'ResolutionDueAt', 'LastMilestoneDate', 'IdempotencyKey',
    ]);
  });

  it('indexes ticket messages by ticket, key and time, with the key unique', () => {
    const columns = allLists.ticketMessages.columns;
    expect(indexedColumns(allLists.ticketMessages).map((c) => c.name)).toEqual(['TicketNumber', 'MessageKey', 'CreatedAt']);
    expect(columns.find((c) => c.name === 'MessageKey')).toMatchObject({ unique: true, required: true });
    expect(columns.find((c) => c.name === 'Kind')?.choices).toEqual(['Reply', 'WorkNote']);
  });
});
