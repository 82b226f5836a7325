import { describe, expect, it } from 'vitest';
import { fakeGraph, graphError, json } from '../testing/fake-transport';
import { PeopleGateway, peopleSearchExpression } from './people-gateway';

const BASE = 'http://127.0.0.1:4999';
const adele = { id: 'a1', displayName: 'Adele Walker', userPrincipalName: 'adele@contoso.example', mail: 'adele@contoso.example', jobTitle: null, department: 'IT' };

describe('PeopleGateway', () => {
  it('searches name, mail and UPN with $search and ConsistencyLevel: eventual, sorted by name', async () => {
    const { http, transport } = fakeGraph({ baseUrl: BASE });
    transport.answer(json(200, { value: [{ ...adele, id: 'z', displayName: 'Zed' }, adele, { displayName: 'no id' }] }));
    const people = await new PeopleGateway(http).searchPeople('  adele  wa ', 5);
    expect(people.map((p) => p.displayName)).toEqual(['Adele Walker', 'Zed']);
    const sent = transport.sent[0]!;
    expect(sent.headers.consistencylevel).toBe('eventual');
    const url = new URL(sent.url);
    expect(url.searchParams.get('$search')).toBe('"displayName:adele wa" OR "mail:adele wa" OR "userPrincipalName:adele wa"');
    expect(url.searchParams.get('$top')).toBe('5');
  });

  it('sends nothing for an empty query, strips quotes, and bounds top', async () => {
    const { http, transport } = fakeGraph({ baseUrl: BASE });
    expect(await new PeopleGateway(http).searchPeople(' "" ')).toEqual([]);
    expect(transport.sent).toHaveLength(0);
    expect(peopleSearchExpression('O"Brien\\')).toBe('"displayName:O Brien" OR "mail:O Brien" OR "userPrincipalName:O Brien"');
    await expect(new PeopleGateway(http).searchPeople('a', 51)).rejects.toThrow(RangeError);
  });

  it('gets a person by id or UPN, null when the directory has none', async () => {
    const { http, transport } = fakeGraph({ baseUrl: BASE });
    transport.answer(json(200, adele), graphError(404, 'Request_ResourceNotFound', "Resource 'x' does not exist"));
    const people = new PeopleGateway(http);
    expect(await people.getPerson('adele@contoso.example')).toMatchObject({ id: 'a1', jobTitle: null, department: 'IT' });
    expect(transport.sent[0]!.url).toContain('/v1.0/users/adele%40contoso.example?$select=');
    expect(await people.getPerson('x')).toBeNull();
  });
});
