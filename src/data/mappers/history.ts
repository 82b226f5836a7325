// A ticket's history lives as JSON in its own note column, so one If-Match write changes state and history together.
import { z } from 'zod';
import type { HistoryEntry } from '../../domain/tickets/types';

type Scalar = string | number | boolean | null;
// A plain type check, not z.union: a union builds an error issue for every branch it rejects, and history is read
// on every list page (that cost was most of a queue page's time).
const scalar = z.custom<Scalar>((v) => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean', 'not a string, number, boolean or null');

const person = z.object({ id: z.string().min(1), upn: z.string(), name: z.string() });

const entry = z.object({
  at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO-8601 instant'),
  by: person,
  byRole: z.enum(['Requester', 'Analyst', 'ServiceOwner', 'Admin', 'System']).optional(),
  action: z.string().min(1),
  changes: z.array(z.object({ field: z.string().min(1), from: scalar, to: scalar })),
  note: z.string().optional(),
  messageKey: z.string().min(1).optional(),
  commandKey: z.string().min(1).optional(),
  requestDigest: z.string().min(1).optional(),
  linkedNumber: z.string().min(1).optional(),
});

const history = z.array(entry);

/** Validates parsed JSON as history; the message names the first bad entry and field. */
export function parseHistory(value: unknown): HistoryEntry[] {
  const result = history.safeParse(value);
  if (result.success) return result.data as HistoryEntry[];
  const issue = result.error.issues[0];
  const where = issue && issue.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new Error(`history is not a list of entries${where}: ${issue?.message ?? 'invalid'}`);
}

export function historyToJson(entries: readonly HistoryEntry[]): string {
  return JSON.stringify(entries);
}
