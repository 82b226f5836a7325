// Category <-> Categories list item: plain lookup data.
import { categoriesList } from '../../../sharepoint-lists/categories';
import type { ListItem } from '../lists/types';
import { FieldReader, writeFields, type FieldValues } from './fields';

export interface CategoryRecord {
  readonly key: string;
  readonly name: string;
  readonly parentKey: string | null;
  readonly serviceKey: string | null;
  readonly isActive: boolean;
}

export function categoryToFields(category: CategoryRecord): FieldValues {
  return writeFields(
    categoriesList,
    { Title: category.name, CategoryKey: category.key, ParentKey: category.parentKey, ServiceKey: category.serviceKey, IsActive: category.isActive },
    { partial: false },
  );
}

export function categoryFromItem(item: ListItem): CategoryRecord {
  const r = new FieldReader(categoriesList, item.id, item.fields);
  return { key: r.text('CategoryKey'), name: r.text('Title'), parentKey: r.optionalText('ParentKey'), serviceKey: r.optionalText('ServiceKey'), isActive: r.boolean('IsActive') };
}
