// The local issuer: signs Entra-shaped v2 access tokens and checks the ones /v1.0 receives.
// Claims follow https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference
import { createHash, randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { GraphError } from '../http/errors';
import type { Actor } from '../lists/catalog';
import {
  EMBEDDED_TAB_CLIENT_ID, GRAPH_AUDIENCE, issuerFor, PERSON_SCOPE, SITE_ROLES, TOKEN_LIFETIME_SECONDS,
} from './constants';
import type { Directory, Person } from './directory';
import type { PublicJwk, SigningKey } from './keys';

export interface AppCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly displayName: string;
}

export interface IssuerOptions {
  readonly tenantId: string;
  readonly key: SigningKey;
  readonly app: AppCredentials;
  readonly apiAudience: string;
  readonly directory: Directory;
  readonly now: () => Date;
  /** The public origin if configured; otherwise the origin of the request at hand. */
  readonly origin: (requestOrigin?: string) => string;
  /** Whether a public origin is configured (then tokens must carry exactly its issuer). */
  readonly fixedOrigin: () => boolean;
}

export interface PersonTokenRequest {
  readonly upn: string;
  readonly audience?: string;
  readonly scope?: string;
}

/** An error in the shape Entra's token endpoint answers with. */
export class OAuthError extends Error {
  constructor(readonly status: number, readonly error: string, readonly code: number, description: string) {
    super(description);
  }
}

const INVALID = (detail: string) => new GraphError(401, 'InvalidAuthenticationToken', detail, { headers: { 'WWW-Authenticate': 'Bearer realm=""' } });

export class LocalIssuer {
  private readonly verifiedTokens = new Map<string, JWTPayload>();

  constructor(private readonly options: IssuerOptions) {}

  get tenantId(): string {
    return this.options.tenantId;
  }

  issuer(requestOrigin?: string): string {
    return issuerFor(this.options.origin(requestOrigin), this.options.tenantId);
  }

  jwks(): { keys: PublicJwk[] } {
    return { keys: [this.options.key.publicJwk] };
  }

  /** The client-credentials grant for the API's app registration, as Entra answers it. */
  async clientCredentials(clientId: string | undefined, clientSecret: string | undefined, requestOrigin?: string): Promise<string> {
    const app = this.options.app;
    if (!clientId) throw new OAuthError(400, 'invalid_request', 900144, "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
    if (clientId !== app.clientId) {
      throw new OAuthError(400, 'unauthorized_client', 700016, `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${this.options.tenantId}'.`);
    }
    if (!clientSecret) throw new OAuthError(401, 'invalid_client', 7000218, "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    if (!sameSecret(clientSecret, app.clientSecret)) {
      throw new OAuthError(401, 'invalid_client', 7000215, `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`);
    }
    return this.mintAppToken(requestOrigin);
  }

  /** An app-only token for Graph, as Entra issues for client credentials with Sites.Selected granted. */
  async mintAppToken(requestOrigin?: string): Promise<string> {
    const app = this.options.app;
    const servicePrincipalId = guidFrom(`sp:${app.clientId}`);
    return this.sign({
      aud: GRAPH_AUDIENCE, idtyp: 'app', app_displayname: app.displayName, appid: app.clientId, appidacr: '1',
      azp: app.clientId, azpacr: '1', oid: servicePrincipalId, sub: servicePrincipalId, roles: ['Sites.Selected'],
    }, requestOrigin);
  }

  /** A delegated token for the service API, for a person in the directory. */
  async mintPersonToken(request: PersonTokenRequest, requestOrigin?: string): Promise<string> {
    const person = this.options.directory.findByUpn(request.upn);
    if (!person) throw new OAuthError(400, 'invalid_grant', 50034, `AADSTS50034: The user account ${request.upn} does not exist in the directory.`);
    const audience = request.audience ?? this.options.apiAudience;
    return this.sign(personClaims(person, audience, request.scope ?? PERSON_SCOPE), requestOrigin);
  }

  /** /v1.0 accepts only app tokens from this issuer; a person's (delegated) token is refused with 403. */
  async verifyGraphToken(authorization: string | undefined, requestOrigin?: string): Promise<Actor> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) throw INVALID('Access token is empty.');
    const payload = await this.verifiedPayload(match[1]!);
    if (!this.acceptsIssuer(payload.iss, requestOrigin)) throw INVALID('Access token validation failure. Invalid issuer.');
    if (payload.scp !== undefined || payload.idtyp !== 'app') {
      throw new GraphError(403, 'accessDenied', 'Access denied. The local store accepts only app-only tokens for the service API; a delegated token for a person is refused.');
    }
    if (payload.aud !== GRAPH_AUDIENCE) throw INVALID('Access token validation failure. Invalid audience.');
    const roles = Array.isArray(payload.roles) ? (payload.roles as unknown[]) : [];
    if (!roles.some((r) => typeof r === 'string' && SITE_ROLES.includes(r))) {
      throw new GraphError(403, 'accessDenied', 'Access denied. The app token carries no Sites permission.');
    }
    return { kind: 'application', id: String(payload.appid ?? payload.azp), displayName: String(payload.app_displayname ?? 'app') };
  }

  /**
   * The signature check, remembered per token until it expires: the API sends the same app token with every request
   * and with each of a $batch's steps, and verifying RS256 each time was a large share of an import's server time.
   */
  private async verifiedPayload(token: string): Promise<JWTPayload> {
    const nowSeconds = this.options.now().getTime() / 1000;
    const known = this.verifiedTokens.get(token);
    if (known && (known.exp ?? 0) + 60 > nowSeconds) return known;
    this.verifiedTokens.delete(token);
    try {
      const { payload } = await jwtVerify(token, this.options.key.publicKey, { algorithms: ['RS256'], currentDate: this.options.now(), clockTolerance: 60 });
      if (this.verifiedTokens.size >= 256) this.verifiedTokens.clear();
      this.verifiedTokens.set(token, payload);
      return payload;
    } catch (error) {
      throw INVALID(verificationMessage(error));
    }
  }

  /**
   * With a configured public origin the issuer must match exactly. Without one, the store may be reached by
   * several names (localhost, 127.0.0.1), so any origin is accepted: the signature is what is trusted.
   */
  private acceptsIssuer(iss: unknown, requestOrigin?: string): boolean {
    if (typeof iss !== 'string') return false;
    if (this.options.fixedOrigin()) return iss === this.issuer(requestOrigin);
    return new RegExp(`^https?://[^/]+/local-issuer/${this.options.tenantId}/v2\\.0$`).test(iss);
  }

  private async sign(claims: Record<string, unknown>, requestOrigin?: string): Promise<string> {
    const issuedAt = Math.floor(this.options.now().getTime() / 1000);
    return new SignJWT({
      ...claims, iss: this.issuer(requestOrigin), idp: this.issuer(requestOrigin), tid: this.options.tenantId,
      iat: issuedAt, nbf: issuedAt, exp: issuedAt + TOKEN_LIFETIME_SECONDS, uti: randomBytes(16).toString('base64url'), ver: '2.0',
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.options.key.kid })
      .sign(this.options.key.privateKey);
  }
}

function personClaims(person: Person, audience: string, scope: string): Record<string, unknown> {
  return {
    aud: audience, azp: EMBEDDED_TAB_CLIENT_ID, azpacr: '0', oid: person.id,
    // Entra's sub is pairwise (per person and app): opaque, unlike oid.
    sub: createHash('sha256').update(`${person.id}:${audience}`).digest('base64url').slice(0, 43),
    preferred_username: person.userPrincipalName, name: person.displayName, scp: scope,
    // Entra leaves a claim out when it has no value.
    ...(person.appRoles.length > 0 ? { roles: [...person.appRoles] } : {}),
    ...(person.groups.length > 0 ? { groups: [...person.groups] } : {}),
  };
}

function verificationMessage(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'Lifetime validation failed, the token is expired.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return error.claim === 'nbf' ? 'Access token validation failure. The token is not valid yet (nbf).' : `Access token validation failure. Invalid ${error.claim}.`;
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'Access token validation failure. Invalid signature.';
  return 'Access token validation failure. The token is not a well-formed JWT signed by the local issuer.';
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return a.equals(b);
}

function guidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
