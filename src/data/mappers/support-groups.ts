// Support group <-> Support Groups list item. Membership lives in Entra; the list links a group key to its Entra group.
import { supportGroupsList } from '../../../sharepoint-lists/support-groups';
import type { ListItem } from '../lists/types';
import { FieldReader, writeFields, type FieldValues } from './fields';

/** A resolver group as the API reads it (plain reference data; the domain has no type for it yet). */
export interface SupportGroupRecord {
  readonly key: string;
  readonly name: string;
  readonly entraGroupId: string;
  readonly teamsChannelId: string | null;
  readonly isActive: boolean;
}

export function supportGroupToFields(group: SupportGroupRecord, itemId?: string): FieldValues {
  return writeFields(
    supportGroupsList,
    { Title: group.name, GroupKey: group.key, EntraGroupId: group.entraGroupId, TeamsChannelId: group.teamsChannelId, IsActive: group.isActive },
    { partial: false, ...(itemId === undefined ? {} : { itemId }) },
  );
}

export function supportGroupFromItem(item: ListItem): SupportGroupRecord {
  const r = new FieldReader(supportGroupsList, item.id, item.fields);
  return {
    key: r.text('GroupKey'),
    name: r.text('Title'),
    entraGroupId: r.text('EntraGroupId'),
    teamsChannelId: r.optionalText('TeamsChannelId'),
    isActive: r.boolean('IsActive'),
  };
}
