import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { parseHash } from './router';
import { preloadRoute } from './RouteView';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
preloadRoute(parseHash(window.location.hash));
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
