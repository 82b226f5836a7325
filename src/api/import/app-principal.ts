import type { Principal } from '../auth/principal';

/**
 * The identity scripts and the seed run the import command as: the API's own app registration (client credentials),
 * treated as an administrator because only an operator with its secret can start them.
 */
export function importAppPrincipal(clientId: string, name = 'Import (app)'): Principal {
  return { id: clientId, upn: `app-${clientId}@apps.local`, name, roles: ['Admin'], groups: [] };
}
