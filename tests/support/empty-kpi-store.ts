// An embedded server with empty lists and no worker, an admin's token, and the KPI services over the command layer
// a script would use: for tests that fill the lists themselves.
import type { CommandLayer } from '../../src/api/runtime';
import type { KpiServices } from '../../src/api/kpi/kpi-services';
import { kpiServicesFor } from '../../src/server/kpi-wiring';
import { connectForScript } from '../../scripts/lib/kpi/target';
import { startEmbeddedServer, tokenFor, type EmbeddedServer } from './embedded-server';

export interface EmptyKpiStore {
  readonly server: EmbeddedServer;
  readonly layer: CommandLayer;
  readonly kpi: KpiServices;
  /** An admin's token for the API. */
  readonly token: string;
}

export async function startEmptyKpiStore(admin: { id: string; userPrincipalName: string; displayName: string; mail: string }): Promise<EmptyKpiStore> {
  const server = await startEmbeddedServer({ ITSM_WORKER: 'off', ITSM_SEED: 'none' });
  server.store.directory.upsertPeople([{ ...admin, appRoles: ['Admin'], groups: [] }]);
  const token = await tokenFor(server.origin, admin.userPrincipalName);
  const layer = await connectForScript({ PORT: '0', ITSM_DATA_DIR: server.dataDir }, server.origin);
  return { server, layer, kpi: kpiServicesFor(layer), token };
}
