// KPI cells in the KPI Aggregates list. Writes are upserts by CellKey (update with If-Match on the ETag read, create
// through $batch), so running a rebuild twice leaves the same items; parts a cell no longer needs are deleted.
import { kpiAggregatesList } from '../../../sharepoint-lists/kpi-aggregates';
import type { FieldValues } from '../../data/mappers/fields';
import type { ListsGateway } from '../../data/lists/lists-gateway';
import type { ListItem } from '../../data/lists/types';
import type { KpiCell } from '../../domain/kpi';
import { isoDateOf } from '../../domain/kpi';
import { field } from '../../data/odata';
import { readByDatePrefix } from '../../data/lists/date-prefix-read';

/** Leaves room under the note column's 63,999 characters. */
const PART_CHARS = 60_000;
const MAX_ITEMS = 500_000;
export const META_KEY = 'meta';

export interface KpiMeta {
  readonly asOf: number;
  readonly tickets: number;
  readonly zone: string;
  readonly rebuiltAt: string;
}

interface StoredPart {
  readonly itemId: string;
  readonly etag: string;
  readonly json: string;
}

export const baseKey = (c: Pick<KpiCell, 'grain' | 'fromDay' | 'groupId' | 'serviceId'>): string =>
  `${c.grain}|${isoDateOf(c.fromDay)}|${c.groupId ?? ''}|${c.serviceId ?? ''}`;

function partsOf(c: KpiCell, asOf: number): FieldValues[] {
  const json = JSON.stringify(c);
  const count = Math.max(1, Math.ceil(json.length / PART_CHARS));
  const base = baseKey(c);
  return Array.from({ length: count }, (_, i) => ({
    Title: base.slice(0, 255), CellKey: `${base}#${i}`, Grain: c.grain, PeriodStart: isoDateOf(c.fromDay),
    GroupId: c.groupId, ServiceId: c.serviceId, Part: i, Parts: count, AsOf: new Date(asOf).toISOString(),
    CellJson: json.slice(i * PART_CHARS, (i + 1) * PART_CHARS),
  }));
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface WriteSummary {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export class KpiCellStore {
  private ensured: Promise<string> | null = null;

  constructor(private readonly gateway: ListsGateway, private readonly listName: string = kpiAggregatesList.name) {}

  /** The list id, creating the list on first use (the embedded store; a tenant's provisioning does the same). */
  listId(): Promise<string> {
    this.ensured ??= this.gateway.ensureList(kpiAggregatesList, this.listName).then(async (e) => {
      if (!e.created) await this.gateway.ensureColumns(e.id, kpiAggregatesList);
      return e.id;
    });
    return this.ensured;
  }

  /** Month cells starting before `beforeIso` (the whole history, for backlogs) and day cells in [fromIso, toIso). */
  async readCells(beforeIso: string, dayRanges: readonly (readonly [string, string])[]): Promise<KpiCell[]> {
    const reads = [this.readGrain('month', null, beforeIso)];
    for (const [fromIso, toIso] of dayRanges) reads.push(this.readGrain('day', fromIso, toIso));
    return assemble((await Promise.all(reads)).flat());
  }

  /**
   * Cells of one grain with PeriodStart in [fromIso, toIso), read within the list view threshold (a busy month can
   * hold more than 5,000 day cells): queries lead with startswith on the indexed CellKey, "grain|date|...".
   */
  private async readGrain(grain: 'day' | 'month', fromIso: string | null, toIso: string | null, select?: readonly string[]): Promise<ListItem[]> {
    const bounds = [...(fromIso === null ? [] : [field('PeriodStart').ge(fromIso)]), ...(toIso === null ? [] : [field('PeriodStart').lt(toIso)])];
    return readByDatePrefix(this.gateway, await this.listId(), { column: 'CellKey', keyPrefix: `${grain}|`, fromIso, toIso, also: bounds }, { maxItems: MAX_ITEMS, ...(select ? { select } : {}) });
  }

  async readMeta(): Promise<KpiMeta | null> {
    const found = await this.gateway.findByKeys(await this.listId(), 'CellKey', [`${META_KEY}#0`]);
    const item = found.get(`${META_KEY}#0`);
    return item ? (JSON.parse(text(item.fields['CellJson'])) as KpiMeta) : null;
  }

  /**
   * Makes the stored cells with PeriodStart >= `fromIso` (all when null) exactly `cells`, and records `meta`.
   * Items are compared by their JSON, so an unchanged cell costs no write.
   */
  async replace(cells: Iterable<KpiCell>, meta: KpiMeta, fromIso: string | null): Promise<WriteSummary> {
    const id = await this.listId();
    const existing = new Map<string, StoredPart>();
    const select = ['CellKey', 'CellJson', 'Grain'];
    const stored = fromIso === null
      ? this.gateway.pageAll(id, { top: 5000, select }, { maxItems: MAX_ITEMS })
      : (await Promise.all([this.readGrain('day', fromIso, null, select), this.readGrain('month', fromIso, null, select)])).flat();
    for await (const item of stored) {
      if (text(item.fields['Grain']) === 'meta') continue;
      existing.set(text(item.fields['CellKey']), { itemId: item.id, etag: item.etag, json: text(item.fields['CellJson']) });
    }
    const summary: WriteSummary = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
    const creates: FieldValues[] = [];
    const updates: [StoredPart, FieldValues][] = [];
    for (const c of cells) {
      for (const part of partsOf(c, meta.asOf)) {
        const key = part['CellKey'] as string;
        const old = existing.get(key);
        existing.delete(key);
        if (!old) creates.push(part);
        else if (old.json === part['CellJson']) summary.unchanged++;
        else updates.push([old, part]);
      }
    }
    for (const result of await this.gateway.createItems(id, creates, { key: { column: 'CellKey' } })) {
      if (!result.ok) throw result.error;
      summary.created++;
    }
    await inParallel(updates, 6, async ([old, part]) => {
      await this.gateway.updateItem(id, old.itemId, part, old.etag);
      summary.updated++;
    });
    await inParallel([...existing.values()], 6, async (old) => {
      await this.gateway.deleteItem(id, old.itemId, old.etag);
      summary.deleted++;
    });
    await this.writeMeta(id, meta);
    return summary;
  }

  private async writeMeta(id: string, meta: KpiMeta): Promise<void> {
    const key = `${META_KEY}#0`;
    const fields: FieldValues = { Title: META_KEY, CellKey: key, Grain: 'meta', PeriodStart: '0000-00-00', Part: 0, Parts: 1, AsOf: new Date(meta.asOf).toISOString(), CellJson: JSON.stringify(meta) };
    const old = (await this.gateway.findByKeys(id, 'CellKey', [key])).get(key);
    if (old) await this.gateway.updateItem(id, old.id, fields, old.etag);
    else await this.gateway.createItemOnce(id, fields, { column: 'CellKey' });
  }
}

/** Joins each cell's parts in order; a cell missing a part (a write in progress) is left out rather than misread. */
function assemble(items: readonly ListItem[]): KpiCell[] {
  const byBase = new Map<string, { parts: number; chunks: string[] }>();
  for (const item of items) {
    const key = text(item.fields['CellKey']);
    const hash = key.lastIndexOf('#');
    const base = key.slice(0, hash);
    const entry = byBase.get(base) ?? { parts: Number(item.fields['Parts']), chunks: [] };
    entry.chunks[Number(key.slice(hash + 1))] = text(item.fields['CellJson']);
    byBase.set(base, entry);
  }
  const cells: KpiCell[] = [];
  for (const { parts, chunks } of byBase.values()) {
    if (chunks.filter((c) => c !== undefined).length !== parts) continue;
    cells.push(JSON.parse(chunks.join('')) as KpiCell);
  }
  return cells;
}

async function inParallel<T>(items: readonly T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}
