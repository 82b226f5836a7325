import { TITLE_COLUMN, defineList } from './schema';

/**
 * KPI aggregate cells (issue 7): one item per part of a (grain, period start, group, service) cell, keyed so that a
 * rebuild overwrites rather than adds. The cell itself is JSON in CellJson; a cell too big for one note column is
 * split over parts 0..n-1. The item with CellKey "meta" records when the cells were last rebuilt.
 */
export const kpiAggregatesList = defineList({
  name: 'KPI Aggregates',
  description: 'Daily and monthly KPI cells per support group and service. Written only by the worker and kpi:rebuild.',
  columns: [
    TITLE_COLUMN,
    // `${grain}|${YYYY-MM-DD}|${group}|${service}#${part}`: deterministic, so a rebuild is an upsert.
    { name: 'CellKey', type: 'text', required: true, indexed: true, unique: true, maxLength: 255 },
    { name: 'Grain', type: 'choice', required: true, indexed: true, choices: ['day', 'month', 'meta'] },
    { name: 'PeriodStart', type: 'text', required: true, indexed: true, maxLength: 10 },
    { name: 'GroupId', type: 'text', indexed: true, maxLength: 64 },
    { name: 'ServiceId', type: 'text', indexed: true, maxLength: 64 },
    { name: 'Part', type: 'number', required: true },
    { name: 'Parts', type: 'number', required: true },
    { name: 'AsOf', type: 'dateTime', required: true },
    { name: 'CellJson', type: 'note' },
  ],
});
