// The definitions the UI shows (catalogue.ts) and docs/kpi-definitions.md say the same thing, KPI by KPI.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KPI_CATALOGUE, KPI_IDS, POPULATION_TEXT } from './catalogue';

const doc = readFileSync(new URL('../../../docs/kpi-definitions.md', import.meta.url), 'utf8');

function section(id: string): string {
  const start = doc.indexOf(`(\`${id}\`)\n`);
  if (start < 0) return '';
  const end = doc.indexOf('\n### ', start);
  return doc.slice(start, end < 0 ? undefined : end);
}

describe('KPI definitions', () => {
  it.each(KPI_IDS)('%s has one section in docs/kpi-definitions.md with the same population, numerator, denominator and clock', (id) => {
    const d = KPI_CATALOGUE[id];
    const s = section(id);
    expect(doc.split(`(\`${id}\`)\n`).length - 1).toBe(1);
    expect(doc).toContain(`### ${d.title} (\`${id}\`)`);
    expect(s).toContain(`- Population: ${POPULATION_TEXT[d.population]}.`);
    expect(s).toContain(`- Numerator: ${d.numerator}`);
    expect(s).toContain(`- Denominator: ${d.denominator ?? 'none (a count).'}`);
    expect(s).toContain(`- Clock: ${d.clock ?? 'none.'}`);
  });

  it('every catalogue entry is keyed by its own id', () => {
    expect(KPI_IDS.filter((id) => KPI_CATALOGUE[id].id !== id)).toEqual([]);
  });
});
