// Where KPI scripts run: against the running embedded server's store (default) or a tenant through Microsoft Graph,
// with the API's app registration (client credentials), as `npm run import` does.
import { connectCommandLayer, type CommandLayer } from '../../../src/api/runtime';
import { createClientCredentialsTokenProvider } from '../../../src/data';
import { loadConfig } from '../../../src/server/config';
import { LOCAL_TENANT_ID } from '../../../src/store/identity/constants';

export async function connectForScript(env: NodeJS.ProcessEnv, originOption?: string): Promise<CommandLayer> {
  const config = loadConfig(env);
  const tenant = env.ITSM_GRAPH_BASE_URL;
  if (tenant && !env.ITSM_TENANT_ID) throw new Error('ITSM_TENANT_ID is needed with ITSM_GRAPH_BASE_URL.');
  const origin = (originOption ?? env.ITSM_ORIGIN ?? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`).replace(/\/+$/, '');
  const authority = tenant ? `https://login.microsoftonline.com/${env.ITSM_TENANT_ID}` : `${origin}/local-issuer/${LOCAL_TENANT_ID}`;
  const tokens = createClientCredentialsTokenProvider({ authority, ...config.app });
  return connectCommandLayer({ graphBaseUrl: tenant ?? origin, tokens, site: config.site, listNames: config.listNames, createMissingLists: !tenant });
}
