// Configuration entry <-> Configuration list item: a key and a JSON value, with who changed it last.
import { configurationList } from '../../../sharepoint-lists/configuration';
import type { ListItem } from '../lists/types';
import { FieldReader, writeFields, type FieldValues } from './fields';

export interface ConfigurationRecord {
  readonly key: string;
  /** Parsed JSON; callers validate it against what the key should hold. */
  readonly value: unknown;
  readonly updatedAt: string;
  readonly updatedById: string | null;
  readonly updatedByName: string | null;
}

export function configurationToFields(record: ConfigurationRecord): FieldValues {
  return writeFields(
    configurationList,
    {
      Title: record.key,
      ConfigKey: record.key,
      Value: JSON.stringify(record.value),
      UpdatedAt: record.updatedAt,
      UpdatedById: record.updatedById,
      UpdatedByName: record.updatedByName,
    },
    { partial: false },
  );
}

export function configurationFromItem(item: ListItem): ConfigurationRecord {
  const r = new FieldReader(configurationList, item.id, item.fields);
  return {
    key: r.text('ConfigKey'),
    value: r.json<unknown>('Value', null, (v) => v),
    updatedAt: r.instant('UpdatedAt'),
    updatedById: r.optionalText('UpdatedById'),
    updatedByName: r.optionalText('UpdatedByName'),
  };
}
