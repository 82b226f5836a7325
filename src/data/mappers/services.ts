// Service <-> Services list item. The owner is a person stored as text columns (OwnerId, OwnerUpn, OwnerName).
import { servicesList } from '../../../sharepoint-lists/services';
import type { ListItem } from '../lists/types';
import { FieldReader, writeFields, type FieldValues } from './fields';

/** A business service as the API reads it (plain reference data; the domain has no type for it yet). */
export interface ServiceRecord {
  readonly key: string;
  readonly name: string;
  readonly ownerId: string;
  readonly ownerUpn: string | null;
  readonly ownerName: string | null;
  readonly defaultGroupKey: string;
  readonly isActive: boolean;
}

export function serviceToFields(service: ServiceRecord, itemId?: string): FieldValues {
  return writeFields(
    servicesList,
    {
      Title: service.name,
      ServiceKey: service.key,
      OwnerId: service.ownerId,
      OwnerUpn: service.ownerUpn,
      OwnerName: service.ownerName,
      DefaultGroupKey: service.defaultGroupKey,
      IsActive: service.isActive,
    },
    { partial: false, ...(itemId === undefined ? {} : { itemId }) },
  );
}

export function serviceFromItem(item: ListItem): ServiceRecord {
  const r = new FieldReader(servicesList, item.id, item.fields);
  return {
    key: r.text('ServiceKey'),
    name: r.text('Title'),
    ownerId: r.text('OwnerId'),
    ownerUpn: r.optionalText('OwnerUpn'),
    ownerName: r.optionalText('OwnerName'),
    defaultGroupKey: r.text('DefaultGroupKey'),
    isActive: r.boolean('IsActive'),
  };
}
