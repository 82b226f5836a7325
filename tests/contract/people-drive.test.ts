// UsersGateway, DriveGateway and date-only columns through the adapter against a real store process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DriveGateway } from '../../src/data/drive/drive-gateway';
import { FieldReader, writeFields } from '../../src/data/mappers/fields';
import { field } from '../../src/data/odata';
import { UsersGateway } from '../../src/data/users/users-gateway';
import { defineList, TITLE_COLUMN } from '../../sharepoint-lists/schema';
import { connect, STORE_ENV, testControl, type Adapter } from './support/adapter';
import { showStoreErrorsOnFailure } from './support/fixtures';
import { startStore, type StoreProcess } from './support/store-process';

let store: StoreProcess | undefined;
let adapter: Adapter;
beforeAll(async () => {
  store = await startStore({ env: STORE_ENV });
  adapter = await connect(store);
  await testControl(store, 'people', {
    people: [
      { userPrincipalName: 'adele.walker@contoso.example', displayName: 'Adele Walker', mail: 'adele.walker@contoso.example', jobTitle: 'Analyst' },
      { userPrincipalName: 'sean.obrien@contoso.example', displayName: "Seán O'Brien", mail: 'sean.obrien@contoso.example' },
      { userPrincipalName: 'wally@contoso.example', displayName: 'Wally Adams', mail: 'w.adams@contoso.example' },
    ],
  });
});
afterAll(async () => {
  await store?.stop();
});
showStoreErrorsOnFailure(() => store);

describe('UsersGateway', () => {
  it('finds people by the start of their name, surname, mail or UPN, apostrophes included', async () => {
    const users = new UsersGateway(adapter.http);
    expect((await users.search('wa')).map((p) => p.displayName).sort()).toEqual(['Adele Walker', 'Wally Adams']);
    expect((await users.search("o'brien")).map((p) => p.displayName)).toEqual(["Seán O'Brien"]);
    expect((await users.search('w.adams')).map((p) => p.userPrincipalName)).toEqual(['wally@contoso.example']);
    expect(await users.search('wa', 1)).toHaveLength(1);
  });

  it('gets a person by object id, null for nobody', async () => {
    const users = new UsersGateway(adapter.http);
    const [adele] = await users.search('adele');
    expect(adele).toMatchObject({ displayName: 'Adele Walker', jobTitle: 'Analyst', department: null });
    expect((await users.get(adele!.id))?.userPrincipalName).toBe('adele.walker@contoso.example');
    expect(await users.get('00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});

describe('DriveGateway', () => {
  it('uploads into a folder per ticket, lists, downloads through the redirect, and deletes', async () => {
    const drive = new DriveGateway(adapter.http, adapter.siteId);
    const bytes = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
    const first = await drive.uploadUnique('INC-24919', 'screen shot.png', bytes);
    const second = await drive.uploadUnique('INC-24919', 'screen shot.png', Buffer.from('other'));
    expect([first.name, second.name]).toEqual(['screen shot.png', 'screen shot (2).png']);
    expect(first).toMatchObject({ size: 7, mimeType: 'image/png' });
    expect((await drive.list('INC-24919')).map((f) => f.name)).toEqual(['screen shot (2).png', 'screen shot.png']);
    expect(await drive.list('INC-0')).toEqual([]);
    expect((await drive.download(first.id)).equals(bytes)).toBe(true);
    await drive.delete(second.id);
    expect((await drive.list('INC-24919')).map((f) => f.id)).toEqual([first.id]);
    await expect(drive.upload('INC-24919', 'screen shot.png', bytes, 'fail')).rejects.toMatchObject({ status: 409 });
  });
});

describe('date-only columns (issue 6)', () => {
  it("writes 2025-07-01 and 2025-01-15, the store answers local midnight in UTC, and the mappers give the dates back", async () => {
    const schema = defineList({ name: 'Closure Days', description: 'test', columns: [TITLE_COLUMN, { name: 'Day', type: 'dateOnly', indexed: true }] });
    const listId = (await adapter.lists.ensureList(schema)).id;
    const summer = await adapter.lists.createItem(listId, writeFields(schema, { Title: 'summer', Day: '2025-07-01' }, { partial: false }));
    const winter = await adapter.lists.createItem(listId, writeFields(schema, { Title: 'winter', Day: '2025-01-15' }, { partial: false }));
    expect(summer.fields['Day']).toBe('2025-06-30T23:00:00Z');
    expect(winter.fields['Day']).toBe('2025-01-15T00:00:00Z');
    const read = await adapter.lists.getItem(listId, summer.id);
    expect(new FieldReader(schema, read.id, read.fields).optionalDate('Day')).toBe('2025-07-01');
    expect(new FieldReader(schema, winter.id, winter.fields).optionalDate('Day')).toBe('2025-01-15');
    const found = await adapter.lists.queryItems(listId, { filter: field('Day').eq('2025-07-01') });
    expect(found.items.map((i) => i.id)).toEqual([summer.id]);
  });
});
