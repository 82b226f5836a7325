import type { DomainError, Result } from '../result';
import { fail, invalid, ok } from '../result';
import { readUserText } from '../text';

// Checks for what admins configure. References to other records (a default group, a parent category) are checked
// by the caller against the stored lists and passed in as sets of known keys.

export const CONFIG_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A Teams channel id as Graph gives it, e.g. 19:abc123@thread.tacv2. */
const CHANNEL_ID = /^19:[A-Za-z0-9_.-]+@thread\.(tacv2|skype)$/;
const NAME_MAX = 255;

export interface SupportGroupInput {
  readonly key: string;
  readonly name: string;
  readonly entraGroupId: string;
  readonly teamsChannelId: string | null;
  readonly isActive: boolean;
}

export interface ServiceInput {
  readonly key: string;
  readonly name: string;
  readonly ownerId: string;
  readonly defaultGroupKey: string;
  readonly isActive: boolean;
}

export interface CategoryInput {
  readonly key: string;
  readonly name: string;
  readonly parentKey: string | null;
  readonly serviceKey: string | null;
  readonly isActive: boolean;
}

type Body = Readonly<Record<string, unknown>>;

function keyOf(key: string, errors: DomainError[]): string {
  if (!CONFIG_KEY.test(key)) errors.push(invalid('key', 'A key is 1 to 64 lower-case letters, digits or hyphens, starting with a letter or digit.'));
  return key;
}

function nameOf(body: Body, errors: DomainError[]): string {
  return readUserText('name', body.name, errors, { required: true, max: NAME_MAX, label: 'name', shape: 'single-line' }) ?? '';
}

function activeOf(body: Body, errors: DomainError[]): boolean {
  if (body.isActive === undefined) return true;
  if (typeof body.isActive !== 'boolean') errors.push(invalid('isActive', 'isActive must be true or false.'));
  return body.isActive !== false;
}

function optionalKey(field: string, value: unknown, known: ReadonlySet<string>, what: string, errors: DomainError[]): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !known.has(value)) {
    errors.push(invalid(field, `There is no ${what} with the key "${String(value)}".`));
    return null;
  }
  return value;
}

const done = <T>(errors: DomainError[], value: T): Result<T> => (errors.length > 0 ? fail(...errors) : ok(value));

export function validateSupportGroup(key: string, body: Body): Result<SupportGroupInput> {
  const errors: DomainError[] = [];
  keyOf(key, errors);
  const name = nameOf(body, errors);
  const entraGroupId = typeof body.entraGroupId === 'string' ? body.entraGroupId.trim().toLowerCase() : '';
  if (!GUID.test(entraGroupId)) errors.push(invalid('entraGroupId', 'The Entra group id must be the group\'s object id (a GUID).'));
  let teamsChannelId: string | null = null;
  if (body.teamsChannelId !== undefined && body.teamsChannelId !== null && body.teamsChannelId !== '') {
    if (typeof body.teamsChannelId === 'string' && CHANNEL_ID.test(body.teamsChannelId.trim())) teamsChannelId = body.teamsChannelId.trim();
    else errors.push(invalid('teamsChannelId', 'The Teams channel id looks like 19:…@thread.tacv2 (copy it from the channel link).'));
  }
  return done(errors, { key, name, entraGroupId, teamsChannelId, isActive: activeOf(body, errors) });
}

export function validateService(key: string, body: Body, activeGroupKeys: ReadonlySet<string>): Result<ServiceInput> {
  const errors: DomainError[] = [];
  keyOf(key, errors);
  const name = nameOf(body, errors);
  const ownerId = typeof body.ownerId === 'string' ? body.ownerId.trim() : '';
  if (!ownerId || ownerId.length > 64) errors.push(invalid('ownerId', 'Choose the service owner (a person from the directory).'));
  const group = optionalKey('defaultGroupKey', body.defaultGroupKey, activeGroupKeys, 'active support group', errors);
  if (group === null && !errors.some((e) => e.field === 'defaultGroupKey')) errors.push(invalid('defaultGroupKey', 'Choose the support group new tickets go to.'));
  return done(errors, { key, name, ownerId, defaultGroupKey: group ?? '', isActive: activeOf(body, errors) });
}

export function validateCategory(key: string, body: Body, known: { readonly categories: ReadonlySet<string>; readonly services: ReadonlySet<string> }): Result<CategoryInput> {
  const errors: DomainError[] = [];
  keyOf(key, errors);
  const name = nameOf(body, errors);
  const parentKey = optionalKey('parentKey', body.parentKey, known.categories, 'category', errors);
  if (parentKey === key) errors.push(invalid('parentKey', 'A category cannot be its own parent.'));
  const serviceKey = optionalKey('serviceKey', body.serviceKey, known.services, 'service', errors);
  return done(errors, { key, name, parentKey, serviceKey, isActive: activeOf(body, errors) });
}
