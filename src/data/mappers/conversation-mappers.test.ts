import { describe, expect, it } from 'vitest';
import type { TicketMessage } from '../../domain/tickets/messages';
import type { Ticket } from '../../domain/tickets/types';
import type { ListItem } from '../lists/types';
import { categoryFromItem, categoryToFields } from './categories';
import { configurationFromItem, configurationToFields } from './configuration';
import { ticketMessageFromItem, ticketMessageToFields } from './ticket-messages';
import { ticketFromItem, ticketToFields } from './tickets';

const asItem = (fields: Record<string, unknown>, id = '5'): ListItem => ({ id, etag: '"m,1"', fields: { id, '@odata.etag': '"m,1"', ...fields } });
const ann = { id: 'oid-ann', upn: "ann.o'brien@example.org", name: "Ann O'Brien" };

describe('ticket message mapper', () => {
  it('round-trips a reply with an apostrophe, emoji and a script tag stored as text', () => {
    const message: TicketMessage = {
      key: 'INC-12:reply-0001', ticketNumber: 'INC-12', kind: 'Reply', author: ann, authorRole: 'Requester',
      body: "It's still broken 😩\n<script>alert('x')</script>", createdAt: '2026-03-02T09:15:00Z',
    };
    const fields = ticketMessageToFields(message);
    expect(fields).toMatchObject({ Title: 'Reply on INC-12', MessageKey: 'INC-12:reply-0001', AuthorId: 'oid-ann', AuthorRole: 'Requester', Kind: 'Reply' });
    expect(ticketMessageFromItem(asItem(fields))).toEqual(message);
  });
  it('refuses a body longer than the column and a kind the domain does not know', () => {
    const base: TicketMessage = { key: 'INC-1:k', ticketNumber: 'INC-1', kind: 'WorkNote', author: ann, authorRole: 'Analyst', body: 'x'.repeat(20_001), createdAt: '2026-03-02T09:15:00Z' };
    expect(() => ticketMessageToFields(base)).toThrow(/column 'Body': text of 20001 characters is longer than the column's 20000/);
    const fields = ticketMessageToFields({ ...base, body: 'ok' });
    expect(() => ticketMessageFromItem(asItem({ ...fields, Kind: 'Whisper' }))).toThrow(/column 'Kind'/);
  });
});

describe('ticket mapper: links, confirmation and keyed history', () => {
  const ticket: Ticket = {
    number: 'INC-3', type: 'Incident', parentNumber: null, title: 'Duplicate', description: '', state: 'Closed', holdReason: null,
    impact: 3, urgency: 3, priority: 5, isMajorIncident: false, serviceId: null, categoryId: null, assignedGroupId: 'service-desk',
    assignee: null, requester: ann, openedBy: ann, contactChannel: 'Teams', openedAt: '2026-03-02T09:00:00Z', updatedAt: '2026-03-02T10:00:00Z',
    resolvedAt: '2026-03-02T09:30:00Z', closedAt: '2026-03-02T10:00:00Z', resolutionCode: 'Fixed', resolutionNote: 'Done',
    history: [
      { at: '2026-03-02T09:00:00Z', by: ann, byRole: 'Requester', action: 'create', changes: [], commandKey: 'create-key-1' },
      { at: '2026-03-02T09:10:00Z', by: ann, byRole: 'Requester', action: 'reply', changes: [], messageKey: 'INC-3:k1' },
      { at: '2026-03-02T09:20:00Z', by: ann, action: 'followUp', changes: [], linkedNumber: 'INC-4' },
    ],
    duplicateOf: 'INC-1', followUpOf: 'INC-0', satisfaction: { rating: 4, comment: "Quick, thanks — O'Brien", at: '2026-03-02T10:00:00Z' },
  };
  it('round-trips them', () => {
    expect(ticketFromItem(asItem(ticketToFields(ticket))).ticket).toEqual(ticket);
  });
  it('keeps a confirmation without a rating, and leaves the optional fields off when unset', () => {
    const unrated = { ...ticket, satisfaction: { rating: null, comment: null, at: '2026-03-02T10:00:00Z' } };
    expect(ticketFromItem(asItem(ticketToFields(unrated))).ticket.satisfaction).toEqual(unrated.satisfaction);
    const { duplicateOf: _d, followUpOf: _f, satisfaction: _s, ...plain } = ticket;
    const read = ticketFromItem(asItem(ticketToFields(plain))).ticket;
    expect(read).not.toHaveProperty('duplicateOf');
    expect(read).not.toHaveProperty('satisfaction');
  });
});

describe('reference and configuration mappers', () => {
  it('round-trips a category and a configuration value', () => {
    const category = { key: 'printers', name: "Printers & scanners (O'Brien's floor) 🖨️", parentKey: null, serviceKey: 'printing', isActive: true };
    expect(categoryFromItem(asItem(categoryToFields(category)))).toEqual(category);
    const config = { key: 'priorityMatrix', value: [[1, 2, 3], [2, 3, 4], [3, 4, 5]], updatedAt: '2026-03-02T09:00:00Z', updatedById: 'oid-ann', updatedByName: "Ann O'Brien" };
    expect(configurationFromItem(asItem(configurationToFields(config)))).toEqual(config);
  });
});
