// A small list schema for contract tests, declared the same way as the product's lists.
import { afterEach } from 'vitest';
import { defineList, TITLE_COLUMN } from '../../../sharepoint-lists/schema';
import type { StoreProcess } from './store-process';

export const contractList = (name: string) =>
  defineList({
    name,
    description: 'Items written by the adapter contract tests.',
    columns: [
      TITLE_COLUMN,
      { name: 'Category', type: 'text', indexed: true, maxLength: 100 },
      { name: 'Rank', type: 'number', indexed: true },
      { name: 'Flag', type: 'boolean', indexed: true },
      { name: 'Note', type: 'text', maxLength: 255 },
      { name: 'DueAt', type: 'dateTime', indexed: true },
    ],
  });

/** Prints the store's stderr under a failed test, where the cause usually is. */
export function showStoreErrorsOnFailure(store: () => StoreProcess | undefined): void {
  afterEach(({ task }) => {
    const stderr = store()?.stderr() ?? '';
    if (task.result?.state === 'fail' && stderr.trim()) console.error(`--- local store stderr ---\n${stderr.slice(-4000)}`);
  });
}
