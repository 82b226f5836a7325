import type { AppRole } from '../../domain/tickets/types';
import { APP_ROLES } from '../../domain/tickets/types';

/** The signed-in person as the API knows them: only what the validated token's claims say. */
export interface Principal {
  readonly id: string;
  readonly upn: string;
  readonly name: string;
  readonly roles: readonly AppRole[];
  /** Entra group ids from the `groups` claim. */
  readonly groups: readonly string[];
}

export function hasRole(principal: Principal, role: AppRole): boolean {
  return principal.roles.includes(role);
}

export function principalFromClaims(claims: Record<string, unknown>): Principal | null {
  const id = typeof claims.oid === 'string' ? claims.oid : null;
  const upn = typeof claims.preferred_username === 'string' ? claims.preferred_username : null;
  if (!id || !upn) return null;
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is AppRole => (APP_ROLES as readonly unknown[]).includes(r)) : [];
  const groups = Array.isArray(claims.groups) ? claims.groups.filter((g): g is string => typeof g === 'string') : [];
  const name = typeof claims.name === 'string' ? claims.name : upn;
  return { id, upn, name, roles, groups };
}
