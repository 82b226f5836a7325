// kill -9 of the store during a stream of writes through the adapter: after a restart on the same data directory
// every acknowledged create and update is there, the database checks clean, and ids carry on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFields } from '../../src/data/mappers/fields';
import { defineList, TITLE_COLUMN } from '../../sharepoint-lists/schema';
import { connect, mapLimited, STORE_ENV } from './support/adapter';
import { startStore, type StoreProcess } from './support/store-process';

const schema = defineList({
  name: 'Durable Writes',
  description: 'Written while the store is killed.',
  columns: [TITLE_COLUMN, { name: 'Key', type: 'text', indexed: true, unique: true, maxLength: 64 }, { name: 'Counter', type: 'number' }],
});
const dataDir = mkdtempSync(join(tmpdir(), 'itsm-durability-'));
const stores: StoreProcess[] = [];
afterAll(async () => {
  for (const s of stores) await s.stop({ keepData: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('kill -9 during writes', () => {
  it('keeps every acknowledged write and reopens cleanly', async () => {
    const first = await startStore({ env: STORE_ENV, dataDir });
    stores.push(first);
    // Few, quick retries: once the process is gone the writers should stop, not wait a minute.
    const adapter = await connect(first, { maxTries: 2, maxTotalWaitMs: 200, attemptTimeoutMs: 2_000 });
    const listId = (await adapter.lists.ensureList(schema)).id;
    const created = new Map<string, string>();
    const counters = new Map<string, number>();
    let stop = false;
    const writer = async (w: number): Promise<void> => {
      for (let n = 0; !stop; n += 1) {
        const key = `w${w}-${n}`;
        const item = await adapter.lists.createItemOnce(listId, writeFields(schema, { Title: key, Key: key, Counter: 0 }, { partial: false }), { column: 'Key' });
        created.set(key, item.id);
        let etag = item.etag;
        for (let c = 1; c <= 2 && !stop; c += 1) {
          etag = (await adapter.lists.updateItem(listId, item.id, { Counter: c }, etag)).etag;
          counters.set(key, c);
        }
      }
    };
    const running = mapLimited([0, 1, 2, 3], 4, (w) => writer(w).catch(() => undefined));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await first.killHard();
    stop = true;
    await running;
    expect(created.size).toBeGreaterThan(10);

    const second = await startStore({ env: STORE_ENV, dataDir });
    stores.push(second);
    const again = await connect(second);
    const items = await again.lists.listAll(listId, { top: 5000 }, { maxItems: 100_000 });
    const byKey = new Map(items.map((i) => [i.fields['Key'] as string, i]));
    for (const [key, id] of created) {
      expect(byKey.get(key)?.id, key).toBe(id);
      expect(Number(byKey.get(key)?.fields['Counter'] ?? 0), key).toBeGreaterThanOrEqual(counters.get(key) ?? 0);
    }
    expect(new Set(items.map((i) => i.fields['Key'])).size).toBe(items.length);
    const next = await again.lists.createItem(listId, writeFields(schema, { Title: 'after', Key: 'after' }, { partial: false }));
    expect(Number(next.id)).toBeGreaterThan(Math.max(...items.map((i) => Number(i.id))));
    await second.stop({ keepData: true });

    const db = new Database(join(dataDir, 'store.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    console.info(`[contract] kill -9 after ${created.size} acknowledged creates: all present after restart`);
  }, 90_000);
});
