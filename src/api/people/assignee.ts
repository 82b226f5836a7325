import type { PersonDto } from '../../contracts/api';
import type { Ticket } from '../../domain/tickets/types';
import { ApiError } from '../http/api-error';
import type { ReferenceRepository } from '../reference/reference-repository';
import type { PeopleDirectory } from './people-directory';

/**
 * Why `person` may not be assigned `ticket`, or null when they may: an assignee must hold the Analyst role and be a
 * member of the ticket's support group (docs/decisions/0414). Anyone else could not open their own queue of it.
 */
export async function assigneeRefusal(deps: { readonly people: PeopleDirectory; readonly reference: ReferenceRepository }, person: PersonDto, ticket: Ticket): Promise<string | null> {
  const groupKey = ticket.assignedGroupId;
  const group = groupKey ? (await deps.reference.supportGroups()).find((g) => g.key === groupKey) : undefined;
  const groupName = group?.name ?? groupKey;
  const [roles, member] = await Promise.all([
    deps.people.appRoles(person.id),
    group ? deps.people.memberGroups(person.id, [group.entraGroupId]) : Promise.resolve([]),
  ]);
  if (!roles.includes('Analyst')) {
    return groupName
      ? `${person.name} is not an analyst, so ${ticket.number} cannot be assigned to them: choose an analyst of ${groupName}.`
      : `${person.name} is not an analyst, so ${ticket.number} cannot be assigned to them: choose an analyst.`;
  }
  // A ticket with no group yet is every analyst's to pick up (docs/access.md).
  if (!groupKey) return null;
  if (!group || !group.isActive || member.length === 0) {
    return `${person.name} is not a member of ${groupName}, the group ${ticket.number} is assigned to: choose one of its analysts, or hand the ticket over first.`;
  }
  return null;
}

/** 422 `assignee_not_eligible`, naming the person and the group, on the field the client sent. */
export const ineligibleAssignee = (message: string): ApiError => new ApiError(422, 'assignee_not_eligible', message, [{ field: 'assigneeId', message }]);
