// Where SLA configuration lives: calendars and closure days, SLA policy and OLA agreement versions (append-only),
// and small settings (bank holiday refreshes, auto-close days) in the Configuration list.
import { ConflictError } from '../../data/errors';
import type { ListsGateway } from '../../data/lists/lists-gateway';
import type { ListItem } from '../../data/lists/types';
import { calendarFromItem, calendarToFields, closureDayFromItem, closureDayToFields, closureKeyOf, type CalendarRecord, type ClosureDayRecord } from '../../data/mappers/calendars';
import {
  olaAgreementFromItem,
  olaAgreementToFields,
  slaPolicyFromItem,
  slaPolicyToFields,
  versionKeyOf,
  type OlaAgreementRecord,
  type SlaPolicyRecord,
} from '../../data/mappers/clock-policies';
import type { ConfigurationRecord } from '../../data/mappers/configuration';
import { field } from '../../data/odata';
import type { KeyedStore, Versioned } from '../config/keyed-list';
import { graphKeyedStore } from '../config/keyed-list';
import { ApiError } from '../http/api-error';

export interface SlaListIds {
  readonly calendars: string;
  readonly closureDays: string;
  readonly slaPolicies: string;
  readonly olaAgreements: string;
}

/** Versions are only ever added; an OLA draft may be approved once. */
export interface VersionLog<T> {
  list(): Promise<Versioned<T>[]>;
  /** Creates the version; 409 when that key and version exist already (someone published first). */
  append(record: T): Promise<Versioned<T>>;
}

export interface OlaLog extends VersionLog<OlaAgreementRecord> {
  /** Replaces a draft with its approved form, If-Match on the draft's ETag. */
  approve(current: Versioned<OlaAgreementRecord>, approved: OlaAgreementRecord): Promise<Versioned<OlaAgreementRecord>>;
}

export interface ClosureDayStore {
  list(): Promise<Versioned<ClosureDayRecord>[]>;
  put(record: ClosureDayRecord): Promise<Versioned<ClosureDayRecord> & { readonly created: boolean }>;
  /** False when there was no such closure day. */
  remove(calendarKey: string, date: string): Promise<boolean>;
}

export interface SlaStore {
  readonly calendars: KeyedStore<CalendarRecord>;
  readonly closureDays: ClosureDayStore;
  readonly slaPolicies: VersionLog<SlaPolicyRecord>;
  readonly olaAgreements: OlaLog;
  /** The Configuration list (holiday refreshes, SLA settings). */
  readonly settings: KeyedStore<ConfigurationRecord>;
}

/** Configuration lists are small; a policy list past this many versions is a mistake worth an error. */
const CAP = 2000;

function versionLog<T extends { id: string; version: number }>(gateway: ListsGateway, listId: string, codec: { toFields: (r: T) => Record<string, string | number | boolean | null>; fromItem: (i: ListItem) => T }): VersionLog<T> {
  return {
    async list() {
      return (await gateway.listAll(listId, { top: 500 }, { maxItems: CAP })).map((item) => ({ record: codec.fromItem(item), etag: item.etag }));
    },
    async append(record) {
      try {
        const item = await gateway.createItem(listId, codec.toFields(record));
        return { record: codec.fromItem(item), etag: item.etag };
      } catch (error) {
        if (error instanceof ConflictError) {
          throw new ApiError(409, 'conflict', `Version ${record.version} of "${record.id}" was just published by someone else: reload and try again.`);
        }
        throw error;
      }
    },
  };
}

function closureStore(gateway: ListsGateway, listId: string): ClosureDayStore {
  const find = async (key: string): Promise<ListItem | null> => (await gateway.queryItems(listId, { filter: field('ClosureKey').eq(key), top: 2 })).items[0] ?? null;
  return {
    async list() {
      return (await gateway.listAll(listId, { top: 500 }, { maxItems: CAP })).map((item) => ({ record: closureDayFromItem(item), etag: item.etag }));
    },
    async put(record) {
      const existing = await find(closureKeyOf(record.calendarKey, record.date));
      const fields = closureDayToFields(record);
      if (!existing) {
        const created = await gateway.createItem(listId, fields);
        return { record: closureDayFromItem(created), etag: created.etag, created: true };
      }
      const updated = await gateway.updateItem(listId, existing.id, fields, existing.etag);
      return { record, etag: updated.etag, created: false };
    },
    async remove(calendarKey, date) {
      const existing = await find(closureKeyOf(calendarKey, date));
      if (!existing) return false;
      await gateway.deleteItem(listId, existing.id, existing.etag);
      return true;
    },
  };
}

export function createSlaStore(gateway: ListsGateway, lists: SlaListIds, settings: KeyedStore<ConfigurationRecord>): SlaStore {
  const ola = versionLog(gateway, lists.olaAgreements, { toFields: olaAgreementToFields, fromItem: olaAgreementFromItem });
  return {
    calendars: graphKeyedStore(gateway, lists.calendars, 'CalendarKey', { toFields: calendarToFields, fromItem: calendarFromItem }),
    closureDays: closureStore(gateway, lists.closureDays),
    slaPolicies: versionLog(gateway, lists.slaPolicies, { toFields: slaPolicyToFields, fromItem: slaPolicyFromItem }),
    olaAgreements: {
      ...ola,
      async approve(current, approved) {
        const found = (await gateway.queryItems(lists.olaAgreements, { filter: field('VersionKey').eq(versionKeyOf(current.record.id, current.record.version)), top: 2 })).items[0];
        if (!found) throw new ApiError(404, 'not_found', `There is no version ${current.record.version} of "${current.record.id}".`);
        try {
          const updated = await gateway.updateItem(lists.olaAgreements, found.id, olaAgreementToFields(approved), current.etag);
          return { record: approved, etag: updated.etag };
        } catch (error) {
          if (error instanceof ConflictError) throw new ApiError(409, 'conflict', `Version ${approved.version} of "${approved.id}" changed since you read it: reload and try again.`);
          throw error;
        }
      },
    },
    settings,
  };
}
