// Public surface of the KPI engine: (1) facts per ticket, (2) reducers into day and month cells per group and
// service, (3) figures for any period and filter, and targets. Definitions: docs/kpi-definitions.md.
export type { KpiSubject, KpiTicketInput, Placed, Verdict, VerdictEvent, ResolutionFact, OpenSpan, HoldSpan, GroupStint, OlaFact, RatingFact, KpiProblem, KpiProblemCode, TicketFacts } from './types';
export { policyKey } from './types';
export { extractTicketFacts, type FactsContext, type FactsError, type FactsErrorCode, type FactsResult } from './facts';
export { RATING_FIELDS } from './satisfaction';
export { addCell, emptyCell, type KpiCell, type Grain, type CountKind, type MetBreached, type ResolutionSample, type ResolutionTally, type CountTally, type VerdictTally, type RatingTally, type Superseded } from './cells';
export { AggregateBuilder, buildAggregates, aggregatesFromCells, cellKey, type KpiAggregates } from './reduce';
export { cellsFor, mergeCells, openBefore, type KpiFilter, type Totals } from './select';
export { DEFAULT_REPORTING_ZONE, daysOfPeriod, isoDateOf, isoMonthOf, periodOfLocalDates, reportingDays, type Period, type ReportingDays } from './days';
export { KPI_CATALOGUE, KPI_IDS, POPULATION_TEXT, type KpiDefinition, type KpiId, type Population, type FigureUnit, type Direction } from './catalogue';
export { computeKpiFigures, computeOlaByGroup, DEFAULT_AGE_BOUNDS, type AgeBucket, type Figure, type FiguresResult, type KpiFigures, type KpiQuery, type PolicyBreakdown } from './figures';
export { evaluateFigure, evaluateFigures, rate, selectKpiTarget, validateKpiTarget, RATING_LABELS, type KpiTarget, type Rating, type TargetError, type TargetErrorCode, type TargetEvaluation, type TargetScope } from './targets';
export { nextTargetVersion, validateTargetChange } from './target-change';
export { DEFAULT_WATERMELON_MARGIN, WATERMELON_MARGIN_RANGE, watermelonMarginProblem, watermelonWarning, type WatermelonRise, type WatermelonWarning } from './watermelon';
export { drillDown, type DrillDownRow } from './drill-down';
