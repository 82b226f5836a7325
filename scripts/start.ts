// `npm start`: build the tab if needed, then run the one-process embedded server.
import { ensureWebBuild } from './lib/web-build';

await ensureWebBuild();
await import('../src/server/main');
