import { Link } from '@fluentui/react-components';
import { lazy } from 'react';
import { PageTitle } from '../components/PageTitle';
import { RaisePage } from '../features/raise/RaisePage';
import type { Route } from './router';
import { lazyPage } from './lazy-page';
import { hrefFor } from './router';
import { useSession } from './session-context';

// The raise form ships in the first chunk; every other page loads when it is first opened.
const myTickets = lazyPage(() => import('../features/my-tickets/MyTicketsPage'));
const ticket = lazyPage(() => import('../features/ticket/TicketPage'));
const queue = lazyPage(() => import('../features/queue/QueuePage'));
const MyTicketsPage = myTickets.Page;
const TicketPage = ticket.Page;
const QueuePage = queue.Page;

/** Starts fetching the page a link opened the tab on, while sign-in and the first API calls run. */
export function preloadRoute(route: Route): void {
  const page = route.name === 'queue' || route.name === 'assigned' ? queue : route.name === 'ticket' ? ticket : route.name === 'mine' ? myTickets : null;
  void page?.preload().catch(() => undefined);
}
const LogCallPage = lazy(() => import('../features/log-call/LogCallPage'));
const RequesterSearchPage = lazy(() => import('../features/search/RequesterSearchPage'));
const AdminPage = lazy(() => import('../features/admin/AdminPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const ClockDefinitionsPage = lazy(() => import('../features/sla/ClockDefinitionsPage'));

function NotAllowed({ what }: { what: string }) {
  return (
    <>
      <PageTitle>Not available</PageTitle>
      <p>{what}</p>
      <Link href={hrefFor({ name: 'home' })}>Go to the start page</Link>
    </>
  );
}

export function RouteView({ route, deepLinkSeq }: { route: Route; deepLinkSeq: number }) {
  const { isAnalyst, isAdmin, me } = useSession();
  const analystOnly = <NotAllowed what="This page is for analysts. Ask your service desk if you need access." />;
  switch (route.name) {
    case 'home':
      return isAnalyst ? <QueuePage mode="group" group={null} /> : <RaisePage />;
    case 'raise':
      return <RaisePage />;
    case 'mine':
      return <MyTicketsPage />;
    case 'ticket':
      return <TicketPage key={`${route.number}:${deepLinkSeq}`} number={route.number} />;
    case 'queue':
      return isAnalyst ? <QueuePage key={route.group ?? ''} mode="group" group={route.group} /> : analystOnly;
    case 'assigned':
      return isAnalyst ? <QueuePage key="assigned" mode="assigned" group={null} /> : analystOnly;
    case 'logCall':
      return isAnalyst ? <LogCallPage /> : analystOnly;
    case 'search':
      return isAnalyst ? <RequesterSearchPage requester={route.requester} /> : analystOnly;
    case 'admin':
      // Service owners draft OLA agreements there too (issue 6).
      return isAdmin || (route.section === 'ola' && me.roles.includes('ServiceOwner')) ? <AdminPage section={route.section} /> : <NotAllowed what="Configuration is for administrators." />;
    case 'dashboard':
      return isAdmin || me.roles.includes('ServiceOwner') ? <DashboardPage /> : <NotAllowed what="The dashboard is for service owners and administrators." />;
    case 'clockDefinitions':
      return <ClockDefinitionsPage />;
    case 'notFound':
      return <NotAllowed what={`There is no page at ${route.path}.`} />;
  }
}
