import { resolve } from 'node:path';
import { z } from 'zod';
import { EMBEDDED_API_AUDIENCE, EMBEDDED_APP_CLIENT_ID, EMBEDDED_APP_CLIENT_SECRET } from '../store';

// Settings of the embedded default, from the environment, checked once at start with messages that name the variable.

const schema = z.object({
  PORT: z
    .string()
    .regex(/^\d+$/, 'PORT must be a whole number from 0 to 65535 (0 picks a free port)')
    .transform(Number)
    .pipe(z.number().max(65535, 'PORT must be a whole number from 0 to 65535 (0 picks a free port)'))
    .default('4280'),
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
  ITSM_DEV_SIGNIN_ON_NETWORK: z.enum(['0', '1']).default('0'),
  ITSM_TRIAGE_GROUP: z.string().max(64).optional(),
  // The worker's timed jobs (breach warnings, auto-close) every minute; tests turn them off and run them on demand.
  ITSM_WORKER: z.enum(['on', 'off']).default('on'),
});

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i;

export type ServerConfig = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  // An empty variable means "not set", as in most shells' `PORT= npm start`.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`The server's settings are not valid:\n${problems}`);
  }
  const c = parsed.data;
  // The dev sign-in hands out any seeded person's token, admins included: keep it on this machine unless told otherwise.
  if (!LOOPBACK.test(c.HOST) && c.ITSM_DEV_SIGNIN_ON_NETWORK !== '1') {
    throw new Error(
      `HOST=${c.HOST} would offer the dev sign-in (anyone may act as any seeded person, admins included) to the network. ` +
        'Use a loopback address, or set ITSM_DEV_SIGNIN_ON_NETWORK=1 if you really mean to.',
    );
  }
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
    triageGroupKey: c.ITSM_TRIAGE_GROUP ?? null,
    worker: c.ITSM_WORKER === 'on',
  };
}
