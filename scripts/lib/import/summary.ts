// What the import prints: a progress line on stderr while it runs, and the summary at the end.
import type { ImportProgress, ImportSummary } from '../../../src/api/import/run-import';
import type { GateStats } from '../../../src/api/import/throttle-gate';

const n = (value: number): string => value.toLocaleString('en-GB');

export function progressLine(p: ImportProgress): string {
  const seconds = Math.max(p.elapsedMs / 1000, 0.001);
  if (p.phase === 'reference') return `reading people, groups and services: ${n(p.rows)} rows (${n(Math.round(p.rows / seconds))} rows/s)`;
  return `${n(p.rows)} rows, ${n(p.tickets)} tickets, ${n(Math.round(p.rows / seconds))} rows/s, ${n(Math.round(p.tickets / seconds))} tickets/s, ${seconds.toFixed(0)} s`;
}

export function summaryText(s: ImportSummary, gate: GateStats | null): string {
  const t = s.tickets;
  const total = t.created + t.updated + t.unchanged + t.kept + t.resumed;
  const people = s.reference.people === 'not-written' ? 'people: not written (they live in Entra)' : `people: ${n(s.reference.people.created)} new, ${n(s.reference.people.unchanged)} already there`;
  const lines = [
    `${s.stoppedEarly ? 'Stopped early' : 'Imported'} ${n(total)} tickets from ${n(s.rows)} rows in ${s.seconds.toFixed(1)} s (${n(Math.round(s.rows / s.seconds))} rows/s, ${n(Math.round(total / s.seconds))} tickets/s).`,
    `  created ${n(t.created)}, updated ${n(t.updated)}, unchanged ${n(t.unchanged)}, kept (changed here since) ${n(t.kept)}, done before the restart ${n(t.resumed)}`,
    `  history entries: ${n(s.historyEntries)}`,
    `  support groups: ${n(s.reference.groups.created)} new, ${n(s.reference.groups.unchanged)} already there; services: ${n(s.reference.services.created)} new, ${n(s.reference.services.unchanged)} already there; categories: ${n(s.reference.categories.created)} new, ${n(s.reference.categories.unchanged)} already there; ${people}`,
    `  rows left out: ${n(s.badRows)}`,
  ];
  if (gate && gate.throttled > 0) lines.push(`  throttled ${n(gate.throttled)} times; requests waited ${(gate.waitedMs / 1000).toFixed(0)} s in all`);
  lines.push('Skipped or adjusted, by reason:');
  for (const [reason, count] of s.quirks) lines.push(`  ${n(count).padStart(8)}  ${reason}`);
  return lines.join('\n');
}
