// The embedded default: `npm start` runs this after building the tab.
import { startServer } from './app';
import { loadConfig } from './config';

try {
  const server = await startServer(loadConfig());
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} catch (error) {
  console.error(`Service Desk could not start: ${(error as Error).message}`);
  process.exit(1);
}
