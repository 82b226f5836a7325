// A standalone store process, for contract tests that drive the Graph adapter against a real server.
// Prints exactly one line to stdout once listening: "store listening on http://127.0.0.1:PORT".
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { z } from 'zod';
import { createStore } from './store';

const env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(0),
  HOST: z.string().min(1).default('127.0.0.1'),
  ITSM_DATA_DIR: z.string().min(1).optional(),
  ITSM_STORE_TEST_CONTROLS: z.enum(['0', '1']).default('0'),
  ITSM_STORE_DEV_FEATURES: z.enum(['0', '1']).default('0'),
  ITSM_SITE_HOSTNAME: z.string().min(1).default('contoso.sharepoint.com'),
  ITSM_SITE_PATH: z.string().min(1).default('/sites/servicedesk'),
}).parse(process.env);

async function main(): Promise<void> {
  const dataDir = env.ITSM_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'itsm-store-'));
  const store = createStore({
    dataDir,
    site: { hostname: env.ITSM_SITE_HOSTNAME, path: env.ITSM_SITE_PATH },
    testControls: env.ITSM_STORE_TEST_CONTROLS === '1',
    devFeatures: env.ITSM_STORE_DEV_FEATURES === '1',
  });
  const app = Fastify({ logger: false });
  await store.registerRoutes(app);
  await app.listen({ port: env.PORT, host: env.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const origin = `http://${host}:${port}`;
  store.setPublicOrigin(origin);
  process.stdout.write(`store listening on ${origin}\n`);

  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    app.close().then(
      () => {
        store.close();
        process.exit(0);
      },
      (error: unknown) => {
        console.error('[store] shutdown failed', error);
        store.close();
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error('[store] failed to start', error);
  process.exit(1);
});
