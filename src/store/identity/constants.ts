// Fixed identifiers of the embedded default's emulated tenant. They are not secrets: the local issuer
// exists only in the embedded default, and a production build trusts Entra instead.

/** The emulated Entra tenant (directory) id. */
export const LOCAL_TENANT_ID = '5d2c7a44-1b9e-4f0a-8c3d-6e71b2a9f015';
/** The service API's app registration, which calls Graph app-only (client credentials). */
export const EMBEDDED_APP_CLIENT_ID = 'a3b5c7d9-2e4f-4a6b-8c0d-1e3f5a7b9c2d';
export const EMBEDDED_APP_CLIENT_SECRET = 'embedded-default-local-secret';
export const EMBEDDED_APP_DISPLAY_NAME = 'Service Desk for Teams (embedded)';
/** Default audience of a person's token for the service API: in v2 tokens, the API's client id. */
export const EMBEDDED_API_AUDIENCE = 'c4d6e8f0-3a5b-4c7d-9e1f-2a4b6c8d0e1f';
/** The tab's client id, seen as azp in a person's token. */
export const EMBEDDED_TAB_CLIENT_ID = 'e1f3a5b7-4c6d-4e8f-a0b2-3c5d7e9f1a3b';
/**
 * The ids of the app registration's roles (appRoles[].id in its manifest), as GET /users/{id}/appRoleAssignments
 * names them. The API maps them back to role names with the same ids (src/api/auth/app-role-ids.ts).
 */
export const APP_ROLE_IDS = {
  Analyst: '7a1d3c5e-0b2f-4d6a-9c8e-1f3a5b7d9e01',
  ServiceOwner: '7a1d3c5e-0b2f-4d6a-9c8e-1f3a5b7d9e02',
  Admin: '7a1d3c5e-0b2f-4d6a-9c8e-1f3a5b7d9e03',
} as const;
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
export const GRAPH_DEFAULT_SCOPES = ['https://graph.microsoft.com/.default', '00000003-0000-0000-c000-000000000000/.default'];
export const PERSON_SCOPE = 'access_as_user';
export const TOKEN_LIFETIME_SECONDS = 3600;
/** Application permissions that give access to list items. */
export const SITE_ROLES = ['Sites.Selected', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'];

export function issuerFor(origin: string, tenantId: string = LOCAL_TENANT_ID): string {
  return `${origin.replace(/\/+$/, '')}/local-issuer/${tenantId}/v2.0`;
}
