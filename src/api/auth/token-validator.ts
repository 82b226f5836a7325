import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import type { Principal } from './principal';
import { principalFromClaims } from './principal';

export interface TokenValidatorOptions {
  readonly issuer: string;
  readonly audience: string;
  /** The issuer's published key set (Entra's, or the local issuer's in the embedded default). */
  readonly jwksUrl: string;
  /** The delegated scope the tab asks for. */
  readonly requiredScope: string;
}

export class TokenRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenRejected';
  }
}

const CLOCK_TOLERANCE_S = 60;
const REMEMBERED_MAX = 2000;

/**
 * Tokens that passed every check, until they expire: a signed-in person sends the same token with every request,
 * and verifying its signature each time was a measurable share of a create (issue 3's bench).
 */
class VerifiedTokens {
  private readonly byToken = new Map<string, { principal: Principal; expiresAt: number }>();

  constructor(private readonly now: () => number) {}

  get(token: string): Principal | undefined {
    const found = this.byToken.get(token);
    if (!found) return undefined;
    if (this.now() < found.expiresAt) return found.principal;
    this.byToken.delete(token);
    return undefined;
  }

  remember(token: string, principal: Principal, expiresAt: number): void {
    if (this.byToken.size >= REMEMBERED_MAX) this.byToken.delete(this.byToken.keys().next().value as string);
    this.byToken.set(token, { principal, expiresAt });
  }
}

/** Validates a bearer token the same way for Entra and the local issuer: signature, issuer, audience, expiry, scope. */
export function createTokenValidator(options: TokenValidatorOptions, keys?: JWTVerifyGetKey, now: () => number = Date.now) {
  const keySet = keys ?? createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000 });
  const verified = new VerifiedTokens(now);
  return async function validate(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) throw new TokenRejected('Sign in first: the request has no bearer token.');
    const known = verified.get(match[1]);
    if (known) return known;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], keySet, { issuer: options.issuer, audience: options.audience, clockTolerance: CLOCK_TOLERANCE_S, currentDate: new Date(now()) }));
    } catch (error) {
      throw new TokenRejected(describeJoseError(error));
    }
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(options.requiredScope)) throw new TokenRejected(`The token lacks the ${options.requiredScope} scope.`);
    const principal = principalFromClaims(payload as Record<string, unknown>);
    if (!principal) throw new TokenRejected('The token does not name a person (oid and preferred_username claims).');
    if (typeof payload.exp === 'number') verified.remember(match[1], principal, payload.exp * 1000 + CLOCK_TOLERANCE_S * 1000);
    return principal;
  };
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired: sign in again.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `The token was not issued for this API (${error.claim} claim).`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed || error instanceof joseErrors.JWKSNoMatchingKey) {
    return 'The token signature is not from the trusted issuer.';
  }
  return 'The token is not valid.';
}
