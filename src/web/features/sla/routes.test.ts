import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash, type Route } from '../../app/router';

describe('issue 6 routes', () => {
  it.each<Route>([{ name: 'clockDefinitions' }, { name: 'admin', section: 'calendars' }, { name: 'admin', section: 'sla-policies' }, { name: 'admin', section: 'ola' }])('round-trips %o', (route) => {
    expect(parseHash(hrefFor(route))).toEqual(route);
  });
});
