// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { KpiFigureDto } from '../../../contracts/kpi';
import { KpiTiles } from './KpiTiles';

afterEach(cleanup);

const figure = (over: Partial<KpiFigureDto>): KpiFigureDto => ({
  id: 'opened', title: 'Opened', unit: 'tickets', population: 'openedIn', populationText: 'Tickets opened in the period',
  definition: { numerator: 'Tickets opened', denominator: null, clock: null }, populationSize: 12, value: 12, display: '12',
  numerator: null, denominator: null, excluded: 0, target: null, status: 'noTarget', statusLabel: 'No target set', ...over,
});

describe('KPI tiles', () => {
  it('say "No target set" once on a figure without a target', () => {
    render(<KpiTiles figures={[figure({})]} onDrill={() => undefined} />);
    expect(screen.getAllByText('No target set')).toHaveLength(1);
  });

  it('give the target and the status in words when there is one', () => {
    render(<KpiTiles figures={[figure({ id: 'slaResolution', title: 'SLA met', unit: 'percent', display: '91.0 %', value: 91, target: { id: 't', version: 1, direction: 'higherIsBetter', green: 95, amber: 90 }, status: 'amber', statusLabel: 'Near target' })]} onDrill={() => undefined} />);
    expect(screen.getByText('Target: green at least 95, amber at least 90')).toBeTruthy();
    expect(screen.getByText('Near target')).toBeTruthy();
  });
});
