import { describe, expect, it } from 'vitest';
import { fakeGraph, graphError, json } from '../testing/fake-transport';
import { UsersGateway, userPrefixFilter } from './users-gateway';

const BASE = 'http://127.0.0.1:4999';
const setup = () => {
  const fake = fakeGraph({ baseUrl: BASE });
  return { ...fake, users: new UsersGateway(fake.http) };
};

describe('UsersGateway', () => {
  it('searches by prefix on the name properties with doubled apostrophes, selecting only what it shows', async () => {
    const { users, transport } = setup();
    transport.answer(json(200, { value: [
      { id: 'b', displayName: 'Siobhán O\'Neill', userPrincipalName: "siobhan.o'neill@example.org", mail: null, jobTitle: 'Caseworker', department: 'Housing' },
      { id: 'a', displayName: "Aoife O'Brien", userPrincipalName: "aoife.o'brien@example.org", mail: "aoife.o'brien@example.org" },
      { displayName: 'No id' },
    ] }));
    const found = await users.search("  O'B ", 10);
    expect(found.map((u) => u.displayName)).toEqual(["Aoife O'Brien", "Siobhán O'Neill"]);
    expect(found[0]).toEqual({ id: 'a', displayName: "Aoife O'Brien", userPrincipalName: "aoife.o'brien@example.org", mail: "aoife.o'brien@example.org", jobTitle: null, department: null });
    const url = new URL(transport.sent[0]!.url);
    expect(url.pathname).toBe('/v1.0/users');
    expect(url.searchParams.get('$filter')).toBe(userPrefixFilter("O'B"));
    expect(url.searchParams.get('$filter')).toBe(
      "startswith(displayName,'O''B') or startswith(givenName,'O''B') or startswith(surname,'O''B') or startswith(userPrincipalName,'O''B') or startswith(mail,'O''B')",
    );
    expect(url.searchParams.get('$select')).toBe('id,displayName,userPrincipalName,mail,jobTitle,department');
    expect(url.searchParams.get('$top')).toBe('10');
  });
  it('sends nothing for an empty search and refuses a silly page size', async () => {
    const { users, transport } = setup();
    expect(await users.search('   ')).toEqual([]);
    expect(transport.sent).toHaveLength(0);
    await expect(users.search('a', 0)).rejects.toThrow(RangeError);
  });
  it('gets one person by id, or null when the directory has none', async () => {
    const { users, transport } = setup();
    transport.answer(json(200, { id: 'oid-1', displayName: 'Raj Patel', userPrincipalName: 'raj@example.org' }), graphError(404, 'Request_ResourceNotFound', "Resource 'x' does not exist"));
    expect(await users.get('oid-1')).toMatchObject({ id: 'oid-1', displayName: 'Raj Patel' });
    expect(await users.get('x/../y')).toBeNull();
    expect(transport.sent[1]!.url).toContain('/v1.0/users/x%2F..%2Fy?$select=');
  });
});
