import { describe, expect, it } from 'vitest';
import type { Route } from './router';
import { hrefFor, parseHash } from './router';

describe('hash routes', () => {
  const routes: Route[] = [
    { name: 'home' },
    { name: 'raise' },
    { name: 'mine' },
    { name: 'ticket', number: 'INC-12' },
    { name: 'ticket', number: 'INC0000045' },
    { name: 'queue', group: null },
    { name: 'queue', group: 'service-desk' },
    { name: 'assigned' },
    { name: 'logCall' },
    { name: 'search', requester: "o'brien@contoso.test" },
    { name: 'admin', section: 'priority' },
  ];
  it.each(routes)('round-trips $name', (route) => {
    expect(parseHash(hrefFor(route))).toEqual(route);
  });

  it('reads an empty or bare fragment as home and unknown paths as not found', () => {
    expect(parseHash('')).toEqual({ name: 'home' });
    expect(parseHash('#/')).toEqual({ name: 'home' });
    expect(parseHash('#/nowhere/at/all')).toEqual({ name: 'notFound', path: '/nowhere/at/all' });
    expect(parseHash('#/admin/secrets')).toEqual({ name: 'notFound', path: '/admin/secrets' });
  });

  it('keeps odd characters in a ticket number intact', () => {
    expect(parseHash(hrefFor({ name: 'ticket', number: 'A/B C' }))).toEqual({ name: 'ticket', number: 'A/B C' });
  });
});
