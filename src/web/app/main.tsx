import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchGet } from '../api-client/prefetch';
import { queuePagePath } from '../api-client/endpoints';
import { session } from '../platform/session';
import { App } from './App';
import { parseHash } from './router';
import { preloadRoute } from './RouteView';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
const first = parseHash(window.location.hash);
preloadRoute(first);
// A queue link: ask for its first page while the app starts and signs in.
if (first.name === 'queue' && first.group) prefetchGet(queuePagePath(first.group, null, 50), session.token());
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
