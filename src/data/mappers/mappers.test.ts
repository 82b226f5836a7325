import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../domain/tickets/types';
import { ItemMappingError } from '../errors';
import type { ListItem } from '../lists/types';
import { readField, writeField } from './fields';
import { serviceFromItem, serviceToFields, type ServiceRecord } from './services';
import { supportGroupFromItem, supportGroupToFields, type SupportGroupRecord } from './support-groups';
import { ticketFromItem, ticketIsOpen, ticketToFields } from './tickets';
import { ticketsList } from '../../../sharepoint-lists/tickets';

const analyst = { id: '7c1e6a52-0d5e-4c4b-9a57-0a3f1f4b2a11', upn: 'aoife.obrien@contoso.example', name: "Aoife O'Brien" };
const caller = { id: 'e3b0c442-98fc-1c14-9afb-f4c8996fb924', upn: 'sam.jones@contoso.example', name: 'Sam Jones' };

const ticket: Ticket = {
  number: 'INC-24919',
  type: 'Incident',
  parentNumber: null,
  title: "Printer on O'Brien's floor is on fire 🔥🖨️",
  description: 'Line one\nLine two with "quotes" and émoji 😀',
  state: 'OnHold',
  holdReason: 'AwaitingSupplier',
  impact: 2,
  urgency: 1,
  priority: 2,
  isMajorIncident: false,
  serviceId: 'printing',
  categoryId: null,
  assignedGroupId: 'service-desk',
  assignee: analyst,
  requester: caller,
  openedBy: analyst,
  contactChannel: 'Phone',
  openedAt: '2026-03-02T09:15:00Z',
  updatedAt: '2026-03-02T09:45:00Z',
  resolvedAt: null,
  closedAt: null,
  resolutionCode: null,
  resolutionNote: null,
  history: [
    { at: '2026-03-02T09:15:00Z', by: analyst, byRole: 'Analyst', action: 'create', changes: [{ field: 'state', from: null, to: 'New' }] },
    { at: '2026-03-02T09:45:00Z', by: analyst, action: 'hold', changes: [{ field: 'state', from: 'New', to: 'OnHold' }], note: "Waiting on the supplier's engineer 🛠️" },
  ],
};

/** A list item as Graph returns it: our columns plus system fields we ignore. */
function asItem(fields: Record<string, unknown>, id = '42'): ListItem {
  return { id, etag: '"abc,3"', fields: { '@odata.etag': '"abc,3"', id, ContentType: 'Item', Modified: '2026-03-02T09:45:00Z', ...fields } };
}

describe('ticket mapper', () => {
  it('round-trips a ticket with an apostrophe and emoji in its title', () => {
    const fields = ticketToFields(ticket, { idempotencyKey: 'key-1', resolutionDueAt: '2026-03-03T09:15:00Z' });
    const stored = ticketFromItem(asItem(fields));
    expect(stored.ticket).toEqual(ticket);
    expect(stored.itemId).toBe('42');
    expect(stored.etag).toBe('"abc,3"');
    expect(stored.extras).toEqual({ idempotencyKey: 'key-1', responseDueAt: null, resolutionDueAt: '2026-03-03T09:15:00Z', sourceSystem: null, previousToolMadeSla: null });
  });

  it('stores people as Id/Upn/Name text triples, history as JSON, and IsOpen from the state', () => {
    const fields = ticketToFields(ticket);
    expect(fields).toMatchObject({ AssigneeId: analyst.id, AssigneeUpn: analyst.upn, AssigneeName: analyst.name, RequesterId: caller.id, IsOpen: true, State: 'OnHold' });
    expect(JSON.parse(fields['History'] as string)).toEqual(ticket.history);
    expect(ticketToFields({ ...ticket, assignee: null })).toMatchObject({ AssigneeId: null, AssigneeUpn: null, AssigneeName: null });
    expect(ticketIsOpen({ type: 'Incident', state: 'Closed' })).toBe(false);
    expect(ticketIsOpen({ type: 'Incident', state: 'Cancelled' })).toBe(false);
    expect(ticketIsOpen({ type: 'Incident', state: 'New' })).toBe(true);
  });

  it('leaves extras out of the write unless given, so updates do not clear them', () => {
    expect(ticketToFields(ticket)).not.toHaveProperty('IdempotencyKey');
    expect(ticketToFields(ticket, { previousToolMadeSla: true })).toHaveProperty('PreviousToolMadeSla', true);
  });

  it('names the list, item and column when the history JSON is bad', () => {
    const fields = { ...ticketToFields(ticket), History: '[{"at": "2026-03-02T09:15:00Z", "by": ' };
    const error = catchError(() => ticketFromItem(asItem(fields, '7')));
    expect(error).toBeInstanceOf(ItemMappingError);
    expect(error).toMatchObject({ list: 'Tickets', itemId: '7', column: 'History' });
    expect(error.message).toMatch(/^List 'Tickets', item 7, column 'History': not valid JSON/);
  });

  it('names the entry and field when history JSON has the wrong shape', () => {
    const fields = { ...ticketToFields(ticket), History: JSON.stringify([{ at: '2026-03-02T09:15:00Z', by: { id: 'x', upn: 'u', name: 'n' }, action: 'create', changes: 'none' }]) };
    expect(() => ticketFromItem(asItem(fields, '8'))).toThrow(/item 8, column 'History': history is not a list of entries at 0\.changes/);
  });

  it('refuses an unknown choice with a clear error', () => {
    const fields = { ...ticketToFields(ticket), State: 'Pondering' };
    expect(() => ticketFromItem(asItem(fields, '9'))).toThrow(/List 'Tickets', item 9, column 'State': 'Pondering' is not one of the column's choices/);
  });

  it('refuses a missing required value and an out-of-range priority', () => {
    const { RequesterId: _dropped, ...withoutRequester } = ticketToFields(ticket);
    expect(() => ticketFromItem(asItem(withoutRequester))).toThrow(/column 'RequesterId': a value is required/);
    expect(() => ticketFromItem(asItem({ ...ticketToFields(ticket), Priority: 9 }))).toThrow(/column 'Priority': expected a whole number from 1 to 5/);
  });

  it('refuses to write a title longer than the column allows, counting an emoji as two', () => {
    expect(() => ticketToFields({ ...ticket, title: 'x'.repeat(256) })).toThrow(/column 'Title': text of 256 characters is longer than the column's 255/);
    expect(() => ticketToFields({ ...ticket, title: '🔥'.repeat(128) })).toThrow(/256 characters/);
    expect(() => ticketToFields({ ...ticket, title: '🔥'.repeat(127) })).not.toThrow();
  });
});

describe('generic field coercion', () => {
  it('reads each column type from Graph values and treats absent as null', () => {
    const f = { Impact: 2, Urgency: '3', IsOpen: true, IsMajorIncident: 0, OpenedAt: '2026-03-02T09:15:00.000Z', TicketType: 'Incident' };
    expect(readField(ticketsList, f, 'Impact', '1')).toBe(2);
    expect(readField(ticketsList, f, 'Urgency', '1')).toBe(3);
    expect(readField(ticketsList, f, 'IsOpen', '1')).toBe(true);
    expect(readField(ticketsList, f, 'IsMajorIncident', '1')).toBe(false);
    expect(readField(ticketsList, f, 'OpenedAt', '1')).toBe('2026-03-02T09:15:00Z');
    expect(readField(ticketsList, f, 'TicketType', '1')).toBe('Incident');
    expect(readField(ticketsList, f, 'ClosedAt', '1')).toBeNull();
  });

  it('checks writes against the column type', () => {
    expect(() => writeField(ticketsList, 'Impact', 'high')).toThrow(/column 'Impact': expected a finite number/);
    expect(() => writeField(ticketsList, 'IsOpen', 'yes')).toThrow(/expected a boolean/);
    expect(() => writeField(ticketsList, 'OpenedAt', 'yesterday')).toThrow(/expected an ISO-8601 instant/);
    expect(() => writeField(ticketsList, 'Nope', 'x')).toThrow(/column 'Nope': the list schema has no such column/);
    expect(() => writeField(ticketsList, 'TicketNumber', null)).toThrow(/a value is required/);
    expect(writeField(ticketsList, 'OpenedAt', '2026-03-02T10:15:00+01:00')).toBe('2026-03-02T09:15:00Z');
  });
});

describe('reference mappers', () => {
  it('round-trips a support group', () => {
    const group: SupportGroupRecord = { key: 'service-desk', name: "Service Desk (O'Brien's team)", entraGroupId: 'g-1', teamsChannelId: null, isActive: true };
    expect(supportGroupFromItem(asItem(supportGroupToFields(group)))).toEqual(group);
  });

  it('round-trips a service, inactive, with an owner', () => {
    const service: ServiceRecord = { key: 'printing', name: 'Printing 🖨️', ownerId: 'o-1', ownerUpn: 'owner@contoso.example', ownerName: 'Owner', defaultGroupKey: 'service-desk', isActive: false };
    expect(serviceFromItem(asItem(serviceToFields(service)))).toEqual(service);
  });

  it('names the list for a malformed reference item', () => {
    expect(() => supportGroupFromItem(asItem({ Title: 'x', GroupKey: 'k', IsActive: 'perhaps' }, '3'))).toThrow(/List 'Support Groups', item 3, column 'EntraGroupId'|List 'Support Groups', item 3, column 'IsActive'/);
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
