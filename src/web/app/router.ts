// A small hash router: the tab is one static page inside a Teams iframe, so routes live in the fragment
// (no server fallback needed, reloads keep the place, and the host's content URL stays fixed). See decision 0350.
import { useSyncExternalStore } from 'react';

/** Issue 6's admin pages (src/web/features/admin/sla); 'ola' is open to service owners too. */
export const SLA_ADMIN_SECTIONS = ['calendars', 'sla-policies', 'ola'] as const;
export type SlaAdminSection = (typeof SLA_ADMIN_SECTIONS)[number];
export const ADMIN_SECTIONS = ['groups', 'services', 'categories', 'priority', ...SLA_ADMIN_SECTIONS, 'kpi-targets'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'raise' }
  | { readonly name: 'mine' }
  | { readonly name: 'ticket'; readonly number: string }
  | { readonly name: 'queue'; readonly group: string | null }
  | { readonly name: 'assigned' }
  | { readonly name: 'logCall' }
  | { readonly name: 'search'; readonly requester: string }
  | { readonly name: 'admin'; readonly section: AdminSection }
  | { readonly name: 'dashboard' }
  | { readonly name: 'clockDefinitions' }
  | { readonly name: 'notFound'; readonly path: string };

const decode = (part: string): string => {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
};

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?');
  const parts = pathPart.split('/').filter(Boolean).map(decode);
  const query = new URLSearchParams(queryPart);
  const [head, second] = parts;
  if (!head) return { name: 'home' };
  if (head === 'raise' && parts.length === 1) return { name: 'raise' };
  if (head === 'my-tickets' && parts.length === 1) return { name: 'mine' };
  if (head === 'tickets' && second && parts.length === 2) return { name: 'ticket', number: second };
  if (head === 'queues' && parts.length <= 2) return { name: 'queue', group: second ?? null };
  if (head === 'assigned' && parts.length === 1) return { name: 'assigned' };
  if (head === 'log-call' && parts.length === 1) return { name: 'logCall' };
  if (head === 'search' && parts.length === 1) return { name: 'search', requester: query.get('requester') ?? '' };
  if (head === 'dashboard' && parts.length === 1) return { name: 'dashboard' };
  if (head === 'clock-definitions' && parts.length === 1) return { name: 'clockDefinitions' };
  if (head === 'admin' && parts.length <= 2) {
    const section = (second ?? 'groups') as AdminSection;
    if (ADMIN_SECTIONS.includes(section)) return { name: 'admin', section };
  }
  return { name: 'notFound', path: `/${pathPart}` };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'raise':
      return '#/raise';
    case 'mine':
      return '#/my-tickets';
    case 'ticket':
      return `#/tickets/${encodeURIComponent(route.number)}`;
    case 'queue':
      return route.group ? `#/queues/${encodeURIComponent(route.group)}` : '#/queues';
    case 'assigned':
      return '#/assigned';
    case 'logCall':
      return '#/log-call';
    case 'search':
      return `#/search?${new URLSearchParams({ requester: route.requester }).toString()}`;
    case 'admin':
      return `#/admin/${route.section}`;
    case 'dashboard':
      return '#/dashboard';
    case 'clockDefinitions':
      return '#/clock-definitions';
    case 'notFound':
      return `#${route.path}`;
  }
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = hrefFor(route);
  if (options.replace) window.history.replaceState(null, '', href);
  else if (window.location.hash !== href) window.location.hash = href;
  else return;
  // replaceState fires no hashchange; tell the subscribers ourselves.
  if (options.replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const snapshot = (): string => window.location.hash;

/** The current route; re-renders when the fragment changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, snapshot, () => '');
  return parseHash(hash);
}
