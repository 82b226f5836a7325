// POST /users/{id}/checkMemberGroups and GET /users/{id}/appRoleAssignments: what the API reads to vet an assignee.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../test-support';
import { APP_ROLE_IDS } from './constants';

const DESK = 'd0000000-0000-4000-8000-00000000000d';
const NET = 'e0000000-0000-4000-8000-00000000000e';
let t: TestStore;
let analystId: string;
beforeAll(async () => {
  t = await openTestStore();
  analystId = t.store.directory.upsertPeople([{ userPrincipalName: 'mei@contoso.example', displayName: 'Mei Chen', appRoles: ['Analyst', 'Admin'], groups: [DESK.toUpperCase()] }])[0]!.id;
});
afterAll(() => t.close());

describe('group membership and app roles of a user', () => {
  it('answers which of the asked groups the user is in, case-insensitively', async () => {
    const answer = await t.graph('POST', `/users/${analystId}/checkMemberGroups`, { body: { groupIds: [NET, DESK] } });
    expect([answer.status, answer.body.value]).toEqual([200, [DESK]]);
    const bad = await t.graph('POST', `/users/${analystId}/checkMemberGroups`, { body: { groupIds: 'desk' } });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'Request_BadRequest']);
  });

  it("lists the user's role assignments by role id, and 404 for no such user", async () => {
    const answer = await t.graph('GET', `/users/${analystId}/appRoleAssignments`);
    expect(answer.body.value.map((a: any) => [a.appRoleId, a.principalId, a.principalType])).toEqual([
      [APP_ROLE_IDS.Analyst, analystId, 'User'], [APP_ROLE_IDS.Admin, analystId, 'User'],
    ]);
    const missing = await t.graph('GET', '/users/00000000-0000-4000-8000-000000000000/appRoleAssignments');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'Request_ResourceNotFound']);
  });
});
