// The local issuer's RSA signing key: made on first start, kept in the data dir, published as a JWKS.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const KEY_FILE = 'local-issuer-key.json';

export interface PublicJwk {
  readonly kty: string;
  readonly use: 'sig';
  readonly kid: string;
  readonly n: string;
  readonly e: string;
  readonly alg: 'RS256';
}

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly publicJwk: PublicJwk;
}

export function loadOrCreateSigningKey(dataDir: string): SigningKey {
  const file = join(dataDir, KEY_FILE);
  let privateJwk: JsonWebKey;
  if (existsSync(file)) {
    privateJwk = JSON.parse(readFileSync(file, 'utf8')) as JsonWebKey;
  } else {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    privateJwk = privateKey.export({ format: 'jwk' });
    writeFileSync(file, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const privateKey = createPrivateKey({ key: privateJwk, format: 'jwk' });
  const publicKey = createPublicKey(privateKey);
  const { n, e } = publicKey.export({ format: 'jwk' });
  if (!n || !e) throw new Error('The local issuer key is not an RSA key.');
  // RFC 7638 thumbprint as the key id, so a regenerated key gets a new kid.
  const kid = createHash('sha256').update(JSON.stringify({ e, kty: 'RSA', n })).digest('base64url');
  return { kid, privateKey, publicKey, publicJwk: { kty: 'RSA', use: 'sig', kid, n, e, alg: 'RS256' } };
}
