import { createHash } from 'node:crypto';
import { ConflictError } from '../../../data/errors';
import type { AccessAction } from '../../../domain/access';
import type { Result } from '../../../domain/result';
import type { CommandContext, CommandOutcome } from '../../../domain/tickets/commands/context';
import { changesSince } from '../../../domain/tickets/conflict';
import { entryForCommandKey } from '../../../domain/tickets/messages';
import type { ActorRole, HistoryEntry, PersonRef, Ticket } from '../../../domain/tickets/types';
import type { Actor } from '../../access/guard';
import { authorize } from '../../access/guard';
import { ApiError, fromDomainErrors, notFound } from '../../http/api-error';
import type { MessageRepository } from '../../messages/message-repository';
import type { DerivedDueDates, StoredTicket, TicketRepository } from '../ticket-repository';
import type { ClientVersion } from '../version';
import { parseVersion, sameVersion, versionOf } from '../version';
import { commandKeyOf } from './command-key';

export interface CommandRunDeps {
  readonly tickets: TicketRepository;
  readonly messages: MessageRepository;
  readonly clock: () => Date;
  /** Recomputes the stored due dates from the next version (the SLA engine, once policies are configured). */
  readonly dueDates?: (ticket: Ticket, now: Date) => Promise<DerivedDueDates | null>;
}

export interface CommandRequest {
  readonly number: string;
  readonly ifMatch: string | undefined;
  readonly idempotencyKey: unknown;
  readonly body: Readonly<Record<string, unknown>>;
  /** The command's name, part of what a retry must repeat to be answered as one. */
  readonly action?: string;
}

export type Decide = (ticket: Ticket, ctx: CommandContext) => Promise<Result<CommandOutcome>> | Result<CommandOutcome>;

/** A lost 412 race is retried on a fresh read this many times before the caller is told to try again. */
const WRITE_ATTEMPTS = 3;

export async function loadTicket(tickets: TicketRepository, number: string): Promise<StoredTicket> {
  const wanted = number.trim();
  const stored = wanted.length > 0 && wanted.length <= 48 ? await tickets.findByNumber(wanted) : null;
  if (!stored) throw notFound(`There is no ticket ${wanted}.`);
  return stored;
}

export function requireVersion(request: CommandRequest): ClientVersion {
  const version = parseVersion(request.ifMatch, request.body.expectedVersion ?? request.body.etag);
  if (!version) throw new ApiError(428, 'precondition_required', 'Send the ticket version you read (the ETag) as If-Match, so a change made meanwhile is never overwritten.');
  return version;
}

/** 409 when tracked fields changed after the version the client read, listing who changed what and when. */
export function refuseIfChanged(stored: StoredTicket, version: ClientVersion): void {
  if (sameVersion(stored, version)) return;
  if (version.seenEntries > stored.ticket.history.length) {
    throw new ApiError(400, 'validation', 'The version sent is not one of this ticket: reload it.', [{ field: 'If-Match', message: 'Unknown version.' }]);
  }
  const changes = changesSince(stored.ticket, version.seenEntries);
  if (changes.length === 0) return;
  const names = [...new Set(changes.map((c) => c.by.name))].join(', ');
  throw new ApiError(409, 'conflict', `${stored.ticket.number} was changed by ${names} after you opened it. Check what changed, then apply your change again.`, undefined, {
    etag: versionOf(stored),
    changes: changes.map((c) => ({ field: c.field, from: c.from, to: c.to, byId: c.by.id, byName: c.by.name, byRole: c.byRole ?? null, at: c.at, action: c.action })),
  });
}

/** Body fields that say which version or key was sent, not what to do: a retry may send another version. */
const NOT_THE_REQUEST = new Set(['expectedVersion', 'etag', 'clientKey']);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
}

/** A short digest of the command and its body, stored on the entries it writes (docs/decisions/0413). */
export function requestDigestOf(request: CommandRequest): string {
  const body = Object.fromEntries(Object.entries(request.body).filter(([k]) => !NOT_THE_REQUEST.has(k)));
  return createHash('sha256').update(JSON.stringify([request.action ?? '', canonical(body)])).digest('base64url').slice(0, 16);
}

/** A key already in the history is a retry only for the same person and the same request; anything else is refused. */
function refuseReusedKey(done: HistoryEntry, writer: PersonRef, digest: string, ticket: Ticket): void {
  if (done.by.id !== writer.id) throw new ApiError(409, 'idempotency_key_reused', 'This Idempotency-Key was already used by someone else: send a new key.');
  // Entries written before digests were stored carry none: those are answered as retries, as they were then.
  if (done.requestDigest !== undefined && done.requestDigest !== digest) {
    throw new ApiError(409, 'idempotency_key_reused', `This Idempotency-Key was already used on ${ticket.number} for a different request (${done.action}): send a new key for a new change.`);
  }
}

/**
 * The write protocol of every ticket command: read, check access, recognise a retry, refuse stale versions, decide
 * with the domain, write the message (if any) first, then the ticket with If-Match. Nothing is visible until that
 * last write, which carries state, assignment and the new history entry together.
 */
export async function runTicketCommand(
  deps: CommandRunDeps,
  actor: Actor,
  access: AccessAction,
  request: CommandRequest,
  decide: Decide,
): Promise<{ stored: StoredTicket; replayed: boolean }> {
  const stored = await loadTicket(deps.tickets, request.number);
  const permission = authorize(actor, access, stored.ticket);
  return writeCommand(deps, { person: actor.person, role: permission.role }, stored, request, decide);
}

/** The worker's commands (auto-close): the same write path as people's, acting as 'System' outside the access table. */
export async function runSystemCommand(deps: CommandRunDeps, person: PersonRef, request: CommandRequest, decide: Decide): Promise<{ stored: StoredTicket; replayed: boolean }> {
  return writeCommand(deps, { person, role: 'System' }, await loadTicket(deps.tickets, request.number), request, decide);
}

async function writeCommand(
  deps: CommandRunDeps,
  writer: { readonly person: PersonRef; readonly role: ActorRole },
  first: StoredTicket,
  request: CommandRequest,
  decide: Decide,
): Promise<{ stored: StoredTicket; replayed: boolean }> {
  let stored = first;
  const { key } = commandKeyOf(request.idempotencyKey, request.body);
  const version = requireVersion(request);
  const digest = requestDigestOf(request);
  for (let attempt = 1; ; attempt++) {
    // A retry (of the client, or of the adapter after a lost answer) finds the entry its first try wrote.
    const done = entryForCommandKey(stored.ticket, key);
    if (done) {
      refuseReusedKey(done, writer.person, digest, stored.ticket);
      return { stored, replayed: true };
    }
    refuseIfChanged(stored, version);
    const now = deps.clock();
    const ctx: CommandContext = { now: now.toISOString(), actor: writer.person, actorRole: writer.role, commandKey: key };
    const outcome = await decide(stored.ticket, ctx);
    if (!outcome.ok) throw fromDomainErrors(outcome.errors);
    if (outcome.value.message) await deps.messages.ensure(outcome.value.message);
    const next = withDigest(outcome.value.ticket, stored.ticket.history.length, digest);
    const derived = deps.dueDates ? await deps.dueDates(next, now) : null;
    try {
      return { stored: await deps.tickets.update(stored, next, derived), replayed: false };
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= WRITE_ATTEMPTS) throw error;
      // Someone wrote between our read and our write: decide again on what is there now.
      stored = await loadTicket(deps.tickets, request.number);
    }
  }
}

/** Stamps the request's digest on the entries this command added, so a later reuse of its key can be told apart. */
function withDigest(ticket: Ticket, before: number, digest: string): Ticket {
  if (ticket.history.length <= before) return ticket;
  return { ...ticket, history: ticket.history.map((e, i) => (i < before ? e : { ...e, requestDigest: digest })) };
}
