import { describe, expect, it } from 'vitest';
import type { PersonRef } from '../tickets/types';
import { ACCESS_ACTIONS, ACCESS_TABLE, isAllowed } from './access-table';
import { actorRoleOf, audiencesOf, permittedAs } from './audience';
import { renderAccessTable } from './render';

const ann: PersonRef = { id: 'oid-ann', upn: 'ann@example.org', name: "Ann O'Brien" };
const raj: PersonRef = { id: 'oid-raj', upn: 'raj@example.org', name: 'Raj Patel' };
const ticket = { requester: ann, openedBy: raj, assignedGroupId: 'service-desk', serviceId: 'printing' };

describe('access table', () => {
  it('never lets a requester who is not the caller near a ticket, nor anyone outside IT near work notes', () => {
    for (const action of ACCESS_ACTIONS.filter((a) => ACCESS_TABLE[a].perTicket)) expect(isAllowed(action, 'requester')).toBe(false);
    expect(isAllowed('message.readWorkNotes', 'caller')).toBe(false);
    expect(isAllowed('message.workNote', 'caller')).toBe(false);
    expect(isAllowed('message.workNote', 'serviceOwner')).toBe(false);
    expect(isAllowed('message.readWorkNotes', 'serviceOwner')).toBe(false);
  });
  it('gives actions that do not depend on a ticket the same answer for both analyst rows and for caller and requester', () => {
    for (const action of ACCESS_ACTIONS.filter((a) => !ACCESS_TABLE[a].perTicket)) {
      expect([action, isAllowed(action, 'caller')]).toEqual([action, isAllowed(action, 'requester')]);
      expect([action, isAllowed(action, 'assignedAnalyst')]).toEqual([action, isAllowed(action, 'otherAnalyst')]);
    }
  });
  it('lets only admins write configuration, and nobody unauthenticated do anything', () => {
    for (const action of ACCESS_ACTIONS.filter((a) => a.endsWith('.write'))) expect(ACCESS_TABLE[action].allow).toEqual(['admin']);
    for (const action of ACCESS_ACTIONS) {
      expect(isAllowed(action, 'noToken')).toBe(false);
      expect(isAllowed(action, 'badToken')).toBe(false);
    }
  });
  it('renders one Markdown row per action with yes, 403 and 401 cells', () => {
    const md = renderAccessTable().split('\n');
    expect(md).toHaveLength(ACCESS_ACTIONS.length + 2);
    expect(md.find((l) => l.includes('`ticket.confirm`'))).toBe('| Tickets | confirm the resolution and rate it (`ticket.confirm`) | 403 | yes | 403 | 403 | 403 | 403 | 401 | 401 |');
  });
});

describe('audiences', () => {
  const facts = (over: Partial<Parameters<typeof audiencesOf>[0]> = {}) => ({ id: 'x', roles: [], groupKeys: [], ownedServiceKeys: [], ...over });
  it('tells the caller (requester or the analyst who logged it) from any other requester', () => {
    expect(audiencesOf(facts({ id: 'oid-ann' }), ticket)).toEqual(['caller', 'requester']);
    expect(audiencesOf(facts({ id: 'oid-zoe' }), ticket)).toEqual(['requester']);
    expect(audiencesOf(facts({ id: 'oid-raj', roles: ['Analyst'], groupKeys: ['networks'] }), ticket)).toEqual(['otherAnalyst', 'caller', 'requester']);
  });
  it('tells analysts of the assigned group from others, and treats a ticket with no group as everyone\'s', () => {
    expect(audiencesOf(facts({ roles: ['Analyst'], groupKeys: ['service-desk'] }), ticket)).toEqual(['assignedAnalyst', 'requester']);
    expect(audiencesOf(facts({ roles: ['Analyst'], groupKeys: ['networks'] }), { ...ticket, assignedGroupId: null })).toEqual(['assignedAnalyst', 'requester']);
    expect(audiencesOf(facts({ roles: ['Admin', 'Analyst'], groupKeys: ['networks'] }), ticket)).toEqual(['admin', 'otherAnalyst', 'requester']);
  });
  it('makes a service owner an owner only of their services', () => {
    expect(audiencesOf(facts({ roles: ['ServiceOwner'], ownedServiceKeys: ['printing'] }), ticket)).toEqual(['serviceOwner', 'requester']);
    expect(audiencesOf(facts({ roles: ['ServiceOwner'], ownedServiceKeys: ['email'] }), ticket)).toEqual(['requester']);
    expect(audiencesOf(facts({ roles: ['ServiceOwner'] }))).toEqual(['serviceOwner', 'requester']);
  });
  it('picks the strongest permitted audience and its history role', () => {
    const analystCaller = audiencesOf(facts({ id: 'oid-ann', roles: ['Analyst'], groupKeys: ['service-desk'] }), ticket);
    expect(permittedAs('message.reply', analystCaller)).toBe('assignedAnalyst');
    expect(permittedAs('ticket.confirm', analystCaller)).toBe('caller');
    expect(permittedAs('ticket.take', ['requester'])).toBeNull();
    expect([actorRoleOf('caller'), actorRoleOf('otherAnalyst'), actorRoleOf('admin'), actorRoleOf('serviceOwner')]).toEqual(['Requester', 'Analyst', 'Admin', 'ServiceOwner']);
  });
});
