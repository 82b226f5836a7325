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

/** Validates a bearer token the same way for Entra and the local issuer: signature, issuer, audience, expiry, scope. */
export function createTokenValidator(options: TokenValidatorOptions, keys?: JWTVerifyGetKey) {
  const keySet = keys ?? createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000 });
  return async function validate(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) throw new TokenRejected('Sign in first: the request has no bearer token.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], keySet, { issuer: options.issuer, audience: options.audience, clockTolerance: 60 }));
    } catch (error) {
      throw new TokenRejected(describeJoseError(error));
    }
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(options.requiredScope)) throw new TokenRejected(`The token lacks the ${options.requiredScope} scope.`);
    const principal = principalFromClaims(payload as Record<string, unknown>);
    if (!principal) throw new TokenRejected('The token does not name a person (oid and preferred_username claims).');
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
