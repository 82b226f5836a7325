// What the route modules share: the database, the site, the list catalog and the item repository.
import type { Db } from './db/open';
import type { ListCatalog } from './lists/catalog';
import type { ItemRepository } from './items/repository';
import type { Site } from './sites/site';

export interface StoreContext {
  readonly db: Db;
  readonly site: Site;
  readonly catalog: ListCatalog;
  readonly items: ItemRepository;
  readonly now: () => Date;
  readonly thresholdRetryAfterSeconds: number;
  /** Called after each write; keeps SQLite's planner statistics fresh as lists grow. */
  readonly afterWrite: (count?: number) => void;
}

const OPTIMIZE_EVERY = 2000;

export function statisticsRefresher(db: Db): (count?: number) => void {
  let writes = 0;
  return (count = 1) => {
    writes += count;
    if (writes < OPTIMIZE_EVERY) return;
    writes = 0;
    db.pragma('optimize');
  };
}
