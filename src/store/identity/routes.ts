// The local issuer's endpoints, shaped as Entra's v2 endpoints under /local-issuer/{tenantId}:
// OpenID configuration, JWKS, the client-credentials token endpoint, and (dev features only) the dev sign-in.
// https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols-oidc
// https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { badRequest } from '../http/errors';
import { requestOrigin } from '../http/request-context';
import { GRAPH_DEFAULT_SCOPES, TOKEN_LIFETIME_SECONDS } from './constants';
import type { Directory } from './directory';
import { OAuthError, type LocalIssuer } from './issuer';

type TenantParams = { tenantId: string };

const devTokenBody = z.object({ upn: z.string().min(1), audience: z.string().min(1).optional(), scope: z.string().min(1).optional() });

export function registerIssuerRoutes(app: FastifyInstance, issuer: LocalIssuer, directory: Directory, devFeatures: boolean): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  const checkTenant = (request: FastifyRequest<{ Params: TenantParams }>): void => {
    if (request.params.tenantId.toLowerCase() !== issuer.tenantId) {
      throw new OAuthError(400, 'invalid_request', 90002, `AADSTS90002: Tenant '${request.params.tenantId}' not found.`);
    }
  };

  app.setErrorHandler((error: Error, _request, reply) => {
    if (error instanceof OAuthError) return sendOAuthError(reply, error);
    const status = (error as { statusCode?: number; status?: number }).statusCode ?? (error as { status?: number }).status ?? 500;
    if (status < 500) return sendOAuthError(reply, new OAuthError(400, 'invalid_request', 900144, error.message));
    console.error('[store] local issuer failed', error);
    return sendOAuthError(reply, new OAuthError(500, 'server_error', 0, 'The local issuer failed.'));
  });

  app.get<{ Params: TenantParams }>('/:tenantId/discovery/v2.0/keys', async (request) => {
    checkTenant(request);
    return issuer.jwks();
  });

  app.get<{ Params: TenantParams }>('/:tenantId/v2.0/.well-known/openid-configuration', async (request) => {
    checkTenant(request);
    const base = `${issuer.issuer(requestOrigin(request)).replace(/\/v2\.0$/, '')}`;
    return {
      issuer: issuer.issuer(requestOrigin(request)),
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'name', 'preferred_username', 'oid', 'tid', 'roles', 'groups', 'scp'],
      tenant_region_scope: 'EU',
      request_uri_parameter_supported: false,
    };
  });

  app.post<{ Params: TenantParams; Body: Record<string, string> | undefined }>('/:tenantId/oauth2/v2.0/token', async (request) => {
    checkTenant(request);
    if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
      throw new OAuthError(400, 'invalid_request', 900144, 'AADSTS900144: The request body must be application/x-www-form-urlencoded.');
    }
    const form = request.body ?? {};
    if (form.grant_type !== 'client_credentials') {
      throw new OAuthError(400, 'unsupported_grant_type', 70003, `AADSTS70003: The app requested an unsupported grant type '${form.grant_type ?? ''}'. The local issuer supports client_credentials.`);
    }
    if (!GRAPH_DEFAULT_SCOPES.includes(form.scope ?? '')) {
      throw new OAuthError(400, 'invalid_scope', 1002012, `AADSTS1002012: The provided value for scope ${form.scope ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI); here: https://graph.microsoft.com/.default.`);
    }
    const basic = basicCredentials(request.headers.authorization);
    const access_token = await issuer.clientCredentials(basic?.id ?? form.client_id, basic?.secret ?? form.client_secret, requestOrigin(request));
    return { token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS - 1, ext_expires_in: TOKEN_LIFETIME_SECONDS - 1, access_token };
  });

  if (!devFeatures) return;

  app.post<{ Params: TenantParams; Body: unknown }>('/:tenantId/dev/token', async (request) => {
    checkTenant(request);
    const parsed = devTokenBody.safeParse(request.body);
    if (!parsed.success) throw new OAuthError(400, 'invalid_request', 900144, 'The body must be JSON: {"upn": "person@domain", "audience"?: "..."}.');
    const access_token = await issuer.mintPersonToken(parsed.data, requestOrigin(request));
    return { token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS - 1, access_token };
  });

  app.get<{ Params: TenantParams }>('/:tenantId/dev/users', async (request) => {
    checkTenant(request);
    return { value: directory.list() };
  });
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw badRequest('Malformed Basic credentials.');
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

function sendOAuthError(reply: FastifyReply, error: OAuthError): FastifyReply {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z';
  return reply.code(error.status).send({
    error: error.error,
    error_description: `${error.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [error.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${error.code}`,
  });
}
