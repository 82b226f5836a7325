import type { AppRole } from '../../domain/tickets/types';

/**
 * The ids the app registration gives its roles (appRoles[].id in its manifest). Tokens carry role names, but Graph's
 * role assignments carry only these ids, so reading someone else's roles needs the map. The embedded store uses the
 * same ids (src/store/identity/constants.ts); a tenant's registration must declare its roles with them.
 */
export const APP_ROLE_IDS: Readonly<Record<AppRole, string>> = {
  Analyst: '7a1d3c5e-0b2f-4d6a-9c8e-1f3a5b7d9e01',
  ServiceOwner: '7a1d3c5e-0b2f-4d6a-9c8e-1f3a5b7d9e02',
  Admin: '7a1d3c5e-0b2f-4d6a-9c8e-1f3a5b7d9e03',
};

/** Role names for assignment ids; ids of other applications' roles are ignored. */
export function appRolesOf(ids: readonly string[]): AppRole[] {
  const held = new Set(ids.map((id) => id.toLowerCase()));
  return (Object.keys(APP_ROLE_IDS) as AppRole[]).filter((role) => held.has(APP_ROLE_IDS[role]));
}
