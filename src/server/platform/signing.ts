/**
 * Signed exports for partner systems: a JSON document as a JWS in the flattened JSON serialization (RFC 7515
 * §7.2.2), EdDSA over Ed25519. The private key lives in a PEM file (created on first use when missing, readable
 * by the owner only); the public key is published as a JWK so the receiver can verify. A key that cannot be
 * written stays in memory for this process, and the log says so.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, FlattenedSign, flattenedVerify, importJWK, type JWK } from 'jose';

export interface Signer {
  /** The key's id (its JWK thumbprint, RFC 7638). */
  keyId(): Promise<string>;
  publicJwk(): Promise<JWK & { kid: string; kty: string }>;
  /** The payload as a flattened JWS, serialized: the bytes to store and send. */
  sign(payload: unknown): Promise<string>;
}

export function createFileSigner(file: string, warn: (message: string) => void = () => {}): Signer {
  let keys: Promise<{ privateKey: KeyObject; publicKey: KeyObject; kid: string }> | undefined;
  const load = () =>
    (keys ??= (async () => {
      let privateKey: KeyObject;
      try {
        privateKey = createPrivateKey(await readFile(file, 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        privateKey = generateKeyPairSync('ed25519').privateKey;
        try {
          await mkdir(path.dirname(file), { recursive: true });
          await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
        } catch (writeError) {
          // Another process wrote it first: use theirs, so both sign with one key.
          if ((writeError as NodeJS.ErrnoException).code === 'EEXIST')
            privateKey = createPrivateKey(await readFile(file, 'utf8'));
          else
            warn(
              `signing key ${file} could not be written (${(writeError as Error).message}); exports are signed with a key that lives only in this process`,
            );
        }
      }
      const publicKey = createPublicKey(privateKey);
      return { privateKey, publicKey, kid: await calculateJwkThumbprint(await exportJWK(publicKey)) };
    })());
  return {
    async keyId() {
      return (await load()).kid;
    },
    async publicJwk() {
      const k = await load();
      const jwk = await exportJWK(k.publicKey);
      return { ...jwk, kty: jwk.kty ?? 'OKP', kid: k.kid, alg: 'EdDSA', use: 'sig' };
    },
    async sign(payload) {
      const k = await load();
      const jws = await new FlattenedSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'EdDSA', kid: k.kid, cty: 'json' })
        .sign(k.privateKey);
      return JSON.stringify(jws);
    },
  };
}

/** Verifies a flattened JWS against a public JWK and returns its payload (for the receiver and the tests). */
export async function verifySigned(serialized: string, jwk: JWK): Promise<unknown> {
  const key = await importJWK(jwk, 'EdDSA');
  const { payload } = await flattenedVerify(JSON.parse(serialized) as Parameters<typeof flattenedVerify>[0], key);
  return JSON.parse(new TextDecoder().decode(payload));
}
