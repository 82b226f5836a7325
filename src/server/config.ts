import { resolve } from 'node:path';
import { z } from 'zod';
import { EMBEDDED_API_AUDIENCE, EMBEDDED_APP_CLIENT_ID, EMBEDDED_APP_CLIENT_SECRET } from '../store';

// Settings of the embedded default, from the environment, checked once at start with messages that name the variable.

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4280),
  HOST: z.string().min(1).default('127.0.0.1'),
  ITSM_DATA_DIR: z.string().min(1).default('./.data'),
  ITSM_SEED: z.enum(['demo', 'none']).default('demo'),
  ITSM_SITE_HOSTNAME: z.string().min(1).default('contoso.sharepoint.com'),
  ITSM_SITE_PATH: z.string().startsWith('/').default('/sites/servicedesk'),
  ITSM_LIST_TICKETS: z.string().min(1).default('Tickets'),
  ITSM_LIST_SUPPORT_GROUPS: z.string().min(1).default('Support Groups'),
  ITSM_LIST_SERVICES: z.string().min(1).default('Services'),
  ITSM_API_AUDIENCE: z.string().min(1).default(EMBEDDED_API_AUDIENCE),
  ITSM_APP_CLIENT_ID: z.string().min(1).default(EMBEDDED_APP_CLIENT_ID),
  ITSM_APP_CLIENT_SECRET: z.string().min(1).default(EMBEDDED_APP_CLIENT_SECRET),
  ITSM_STORE_TEST_CONTROLS: z.enum(['0', '1']).default('0'),
});

export type ServerConfig = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`The server's settings are not valid:\n${problems}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.ITSM_DATA_DIR),
    seed: c.ITSM_SEED,
    site: { hostname: c.ITSM_SITE_HOSTNAME, path: c.ITSM_SITE_PATH },
    listNames: { tickets: c.ITSM_LIST_TICKETS, supportGroups: c.ITSM_LIST_SUPPORT_GROUPS, services: c.ITSM_LIST_SERVICES },
    apiAudience: c.ITSM_API_AUDIENCE,
    app: { clientId: c.ITSM_APP_CLIENT_ID, clientSecret: c.ITSM_APP_CLIENT_SECRET },
    storeTestControls: c.ITSM_STORE_TEST_CONTROLS === '1',
  };
}
