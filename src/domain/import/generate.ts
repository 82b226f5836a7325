// People, support groups, services and titles generated from an export's values with a fixed seed per value:
// "Caller 2403" always becomes the same person with the same Entra-style object id, "Group 56" the same group.
// Values that are not pseudonyms (a real team name) are kept as the display name.
import { SERVICE_AREAS, SYMPTOM_TITLES, TEAM_AREAS } from '../generated/catalogue-parts';
import { DEPARTMENTS, FAMILY_NAMES, GIVEN_NAMES, JOB_TITLES } from '../generated/name-parts';
import { hashText, pick, randomFor, stableGuid } from '../generated/random';
import type { PersonRef } from '../tickets/types';

export const GENERATED_DOMAIN = 'servicedesk.example';
const PSEUDONYM = /^([A-Za-z][A-Za-z _-]*?)\s*(\d+)$/;
const KEY_MAX = 64;

/** A stable key for a value: lower case, letters and digits joined by hyphens ("Group 56" -> "group-56"). */
export function keyOf(value: string): string {
  const key = value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (key.length === 0) return `x-${hashText(value).toString(36)}`;
  return key.length <= KEY_MAX ? key : `${key.slice(0, KEY_MAX - 8)}-${hashText(value).toString(36).slice(0, 7)}`;
}

const pseudonymNumber = (value: string): string | null => PSEUDONYM.exec(value)?.[2] ?? null;

export interface PersonDetails extends PersonRef {
  readonly jobTitle: string;
  readonly department: string;
}

/** The person a source value stands for. The UPN carries the value's key, so it is unique and traceable. */
export function personFor(source: string, staff: boolean): PersonDetails {
  const random = randomFor(`person:${source}`);
  const generated = pseudonymNumber(source) !== null;
  const given = pick(random, GIVEN_NAMES);
  const family = pick(random, FAMILY_NAMES);
  const name = generated ? `${given} ${family}` : source;
  const local = generated ? `${given}.${family}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z.'-]/g, '').toLowerCase() : '';
  const tag = keyOf(source).replace(/-/g, '');
  return {
    id: stableGuid(`person:${source}`),
    upn: `${local ? `${local}.` : ''}${tag}@${GENERATED_DOMAIN}`,
    name,
    jobTitle: staff ? pick(random, JOB_TITLES) : 'Service Desk Analyst',
    department: staff ? pick(random, DEPARTMENTS) : 'IT',
  };
}

export function groupFor(source: string): { key: string; name: string; entraGroupId: string } {
  const key = keyOf(source);
  const n = pseudonymNumber(source);
  return { key, name: n === null ? source : `${pick(randomFor(`group:${source}`), TEAM_AREAS)} ${n}`, entraGroupId: stableGuid(`group:${key}`) };
}

export function serviceFor(source: string): { key: string; name: string } {
  const n = pseudonymNumber(source);
  return { key: keyOf(source), name: n === null ? source : `${pick(randomFor(`service:${source}`), SERVICE_AREAS)} ${n}` };
}

const CATEGORY_TOPICS = ['Access', 'Account', 'Hardware fault', 'Software error', 'Network', 'Printing', 'Data request', 'Performance', 'Licence', 'Configuration'] as const;

/** A subcategory of the export as a category: its key is what the tickets hold (keyOf), its name pseudonymous too. */
export function categoryFor(source: string): { key: string; name: string } {
  const n = pseudonymNumber(source);
  return { key: keyOf(source), name: n === null ? source : `${pick(randomFor(`category:${source}`), CATEGORY_TOPICS)} ${n}` };
}

/** The people who own generated services: a few, keyed like the export's own pseudonyms. */
export const SERVICE_OWNER_SOURCES = ['Service owner 1', 'Service owner 2', 'Service owner 3'] as const;

export function ownerSourceFor(serviceKey: string): string {
  return SERVICE_OWNER_SOURCES[hashText(`owner:${serviceKey}`) % SERVICE_OWNER_SOURCES.length]!;
}

/** A short title: the symptom's generated wording, else a plain sentence about the service. */
export function titleFor(symptom: string | null, category: string | null): string {
  if (symptom !== null) return pseudonymNumber(symptom) === null ? symptom.slice(0, 255) : pick(randomFor(`symptom:${symptom}`), SYMPTOM_TITLES);
  return category === null ? 'Incident imported from the previous tool' : `Problem with ${serviceFor(category).name}`;
}

/** Stand-in for an incident whose export names no caller. */
export const UNKNOWN_CALLER = 'Unknown caller';
