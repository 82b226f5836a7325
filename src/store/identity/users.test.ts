// GET /v1.0/users for people search: startswith filters joined by or, $search with ConsistencyLevel, $select, paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../test-support';

let t: TestStore;
const EVENTUAL = { consistencylevel: 'eventual' };
beforeAll(async () => {
  t = await openTestStore();
  t.store.directory.upsertPeople([
    { userPrincipalName: 'adele.walker@contoso.example', displayName: 'Adele Walker', mail: 'adele.walker@contoso.example', jobTitle: 'Analyst', department: 'IT' },
    { userPrincipalName: 'sean.obrien@contoso.example', displayName: "Seán O'Brien", mail: 'sean.obrien@contoso.example', jobTitle: 'Service owner' },
    { userPrincipalName: 'wally@contoso.example', displayName: 'Wally Adams', mail: 'w.adams@contoso.example' },
    { userPrincipalName: 'x_y@contoso.example', displayName: 'Xavier %Percent', mail: null },
  ]);
});
afterAll(() => t.close());

const users = async (query: string, headers: Record<string, string> = {}) => t.graph('GET', `/users?${query}`, { headers });
const names = async (query: string, headers: Record<string, string> = {}): Promise<string[]> => {
  const answer = await users(query, headers);
  expect(answer.status, answer.text).toBe(200);
  return answer.body.value.map((u: any) => u.displayName);
};
const f = (filter: string) => `$filter=${encodeURIComponent(filter)}`;

describe('GET /v1.0/users', () => {
  it('lists people with Graph’s default properties, in display-name order', async () => {
    const answer = await users('');
    expect(answer.body.value[0]).toEqual({
      businessPhones: [], displayName: 'Adele Walker', givenName: 'Adele', jobTitle: 'Analyst', mail: 'adele.walker@contoso.example', mobilePhone: null,
      officeLocation: null, preferredLanguage: null, surname: 'Walker', userPrincipalName: 'adele.walker@contoso.example', id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(answer.body.value.map((u: any) => u.displayName)).toEqual(['Adele Walker', "Seán O'Brien", 'Wally Adams', 'Xavier %Percent']);
  });

  it('filters with startswith on displayName, userPrincipalName and mail, joined by or, case-insensitively', async () => {
    const q = "startswith(displayName,'wa') or startswith(userPrincipalName,'wa') or startswith(mail,'wa')";
    expect(await names(f(q))).toEqual(['Wally Adams']);
    expect(await names(f("startswith(displayName,'SE') or startswith(mail,'w.')"))).toEqual(["Seán O'Brien", 'Wally Adams']);
    expect(await names(f("startswith(displayName,'Seán O''B')"))).toEqual(["Seán O'Brien"]);
    expect(await names(f("startswith(displayName,'Xavier %')"))).toEqual(['Xavier %Percent']);
    expect(await names(f("startswith(displayName,'x_')"))).toEqual([]);
    expect(await names(f("userPrincipalName eq 'WALLY@contoso.example'"))).toEqual(['Wally Adams']);
    // Given name and surname come from the display name: the first word, and the rest.
    expect(await names(f("startswith(givenName,'wa') or startswith(surname,'wa') or startswith(displayName,'wa')"))).toEqual(['Adele Walker', 'Wally Adams']);
    expect(await names(f("startswith(surname,'o''b')"))).toEqual(["Seán O'Brien"]);
    expect(await names(f("startswith(givenName,'se')"))).toEqual(["Seán O'Brien"]);
  });

  it('searches words by prefix with ConsistencyLevel: eventual, and refuses $search without it', async () => {
    expect(await names('$search="displayName:wa"', EVENTUAL)).toEqual(['Adele Walker', 'Wally Adams']);
    expect(await names('$search="displayName:adele wa"', EVENTUAL)).toEqual(['Adele Walker']);
    expect(await names('$search="displayName:obrien" OR "mail:obrien"', EVENTUAL)).toEqual(["Seán O'Brien"]);
    expect(await names('$search="displayName:wa" AND "mail:adams"', EVENTUAL)).toEqual(['Wally Adams']);
    const refused = await users('$search="displayName:wa"');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'Request_UnsupportedQuery', message: expect.stringMatching(/ConsistencyLevel: eventual/) });
    expect((await users('$search=wa', EVENTUAL)).status).toBe(400);
  });

  it('selects properties, counts with ConsistencyLevel, and pages with $top and nextLink', async () => {
    const selected = await users(`$select=id,displayName,department&${f("startswith(displayName,'Adele')")}`);
    expect(Object.keys(selected.body.value[0])).toEqual(['id', 'displayName', 'department']);
    expect(selected.body.value[0].department).toBe('IT');
    expect((await users('$select=id,shoeSize')).body.error.message).toMatch(/Could not find a property named 'shoeSize' on type 'microsoft.graph.user'/);
    const counted = await users('$count=true&$top=1', EVENTUAL);
    expect(counted.body['@odata.count']).toBe(4);
    expect((await users('$count=true')).status).toBe(400);
    const first = await users('$top=3');
    expect(first.body.value).toHaveLength(3);
    const rest = await t.call('GET', (first.body['@odata.nextLink'] as string).replace(/^http:\/\/[^/]+/, ''), { headers: { authorization: `Bearer ${t.token}` } });
    expect(rest.body.value.map((u: any) => u.displayName)).toEqual(['Xavier %Percent']);
    expect(rest.body).not.toHaveProperty('@odata.nextLink');
    expect((await users('$top=1000')).body.error.message).toBe("Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.");
  });

  it('refuses filters the directory does not support, as Graph words it', async () => {
    for (const filter of ["department eq 'IT'", "displayName ne 'x'", "startswith(id,'a')", "jobTitle eq null"]) {
      const answer = await users(f(filter));
      expect(answer.status, filter).toBe(400);
      expect(answer.body.error.code).toBe('Request_UnsupportedQuery');
    }
    expect((await users(f("displayName eq 'a"))).body.error.code).toBe('BadRequest');
  });

  it('gets one person by object id or userPrincipalName, 404 Request_ResourceNotFound otherwise', async () => {
    const byUpn = await t.graph('GET', '/users/Sean.OBrien@contoso.example');
    expect(byUpn.body.displayName).toBe("Seán O'Brien");
    const byId = await t.graph('GET', `/users/${byUpn.body.id.toUpperCase()}?$select=id,mail`);
    expect(byId.body).toMatchObject({ id: byUpn.body.id, mail: 'sean.obrien@contoso.example' });
    expect(byId.body).not.toHaveProperty('displayName');
    const missing = await t.graph('GET', '/users/nobody@contoso.example');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('Request_ResourceNotFound');
  });
});
