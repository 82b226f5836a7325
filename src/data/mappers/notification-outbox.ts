// Notification <-> Notification Outbox item. The key is deterministic (for breach warnings, warningKey), so writing
// the same notification twice clashes on the unique column instead of sending it twice.
import { notificationOutboxList } from '../../../sharepoint-lists/notification-outbox';
import type { PersonRef } from '../../domain/tickets/types';
import type { ListItem } from '../lists/types';
import { FieldReader, writeFields, type FieldValues } from './fields';
import { optionalPersonFromFields, personToFields } from './people';

export type OutboxKind = 'BreachWarning';
export type OutboxStatus = 'Pending' | 'Sent' | 'Failed';
const KINDS: readonly OutboxKind[] = ['BreachWarning'];
const STATUSES: readonly OutboxStatus[] = ['Pending', 'Sent', 'Failed'];

export interface OutboxRecord {
  readonly key: string;
  readonly kind: OutboxKind;
  readonly title: string;
  readonly ticketNumber: string;
  readonly status: OutboxStatus;
  readonly createdAt: string;
  /** The moment the notification is about (a threshold reached). */
  readonly dueAt: string;
  readonly recipient: PersonRef | null;
  readonly groupKey: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly sentAt: string | null;
  readonly attempts: number;
  readonly lastError: string | null;
}

export function outboxToFields(o: OutboxRecord): FieldValues {
  return writeFields(
    notificationOutboxList,
    {
      Title: o.title.slice(0, 255),
      OutboxKey: o.key,
      Kind: o.kind,
      TicketNumber: o.ticketNumber,
      Status: o.status,
      CreatedAt: o.createdAt,
      DueAt: o.dueAt,
      ...personToFields('Recipient', o.recipient),
      GroupKey: o.groupKey,
      Payload: JSON.stringify(o.payload),
      SentAt: o.sentAt,
      Attempts: o.attempts,
      LastError: o.lastError,
    },
    { partial: false },
  );
}

export function outboxFromItem(item: ListItem): OutboxRecord {
  const r = new FieldReader(notificationOutboxList, item.id, item.fields);
  return {
    key: r.text('OutboxKey'),
    kind: r.choice('Kind', KINDS),
    title: r.text('Title'),
    ticketNumber: r.text('TicketNumber'),
    status: r.choice('Status', STATUSES),
    createdAt: r.instant('CreatedAt'),
    dueAt: r.instant('DueAt'),
    recipient: optionalPersonFromFields(r, 'Recipient'),
    groupKey: r.optionalText('GroupKey'),
    payload: r.json<Record<string, unknown>>('Payload', {}, (v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('the payload must be an object');
      return v as Record<string, unknown>;
    }),
    sentAt: r.optionalInstant('SentAt'),
    attempts: r.optionalNumber('Attempts') ?? 0,
    lastError: r.optionalText('LastError'),
  };
}
