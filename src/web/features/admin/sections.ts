import type { AdminSection, SlaAdminSection } from '../../app/router';

// Admin sections as data: the API path, the columns and the fields of each record.

export interface AdminField {
  readonly name: string;
  readonly label: string;
  readonly kind: 'text' | 'group' | 'service' | 'checkbox';
  readonly required?: boolean;
  readonly hint?: string;
  /** The key cannot change once a record exists (tickets refer to it). */
  readonly key?: boolean;
}

export interface AdminSectionSpec {
  readonly title: string;
  readonly path: string;
  readonly singular: string;
  readonly fields: readonly AdminField[];
}

export const SECTIONS: Readonly<Record<Exclude<AdminSection, 'priority' | 'kpi-targets' | SlaAdminSection>, AdminSectionSpec>> = {
  groups: {
    title: 'Support groups',
    path: '/api/admin/support-groups',
    singular: 'support group',
    fields: [
      { name: 'key', label: 'Key', kind: 'text', required: true, key: true, hint: 'Lower case letters, digits and hyphens; used in links.' },
      { name: 'name', label: 'Name', kind: 'text', required: true },
      { name: 'entraGroupId', label: 'Entra group id', kind: 'text', required: true, hint: 'The object id of the Entra group whose members work this queue.' },
      { name: 'teamsChannelId', label: 'Teams channel id', kind: 'text', hint: 'Where channel alerts go (optional).' },
      { name: 'isActive', label: 'Active', kind: 'checkbox' },
    ],
  },
  services: {
    title: 'Services',
    path: '/api/admin/services',
    singular: 'service',
    fields: [
      { name: 'key', label: 'Key', kind: 'text', required: true, key: true },
      { name: 'name', label: 'Name', kind: 'text', required: true },
      { name: 'ownerUpn', label: 'Owner (email address)', kind: 'text' },
      { name: 'defaultGroupKey', label: 'Default support group', kind: 'group', required: true },
      { name: 'isActive', label: 'Active', kind: 'checkbox' },
    ],
  },
  categories: {
    title: 'Categories',
    path: '/api/admin/categories',
    singular: 'category',
    fields: [
      { name: 'key', label: 'Key', kind: 'text', required: true, key: true },
      { name: 'name', label: 'Name', kind: 'text', required: true },
      { name: 'serviceKey', label: 'Service (empty for every service)', kind: 'service' },
      { name: 'isActive', label: 'Active', kind: 'checkbox' },
    ],
  },
};

export type AdminRecord = Record<string, string | boolean | null>;

/** Problems the form can tell before sending; the API validates again. */
export function validateRecord(spec: AdminSectionSpec, record: AdminRecord): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of spec.fields) {
    const v = record[f.name];
    if (f.required && (v === undefined || v === null || (typeof v === 'string' && v.trim() === ''))) errors[f.name] = `${f.label} is required.`;
  }
  const key = record.key;
  if (typeof key === 'string' && key && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(key)) errors.key = 'Use lower case letters, digits and hyphens (at most 64).';
  const entra = record.entraGroupId;
  if (typeof entra === 'string' && entra && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(entra)) {
    errors.entraGroupId = 'An Entra group id looks like 00000000-0000-0000-0000-000000000000.';
  }
  return errors;
}
