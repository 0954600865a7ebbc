/**
 * Partner institutions' systems are known by an API key (X-Api-Key). Only the keys' SHA-256 is configured
 * (PARTNER_API_KEYS); a key is compared as a hash, in constant time. A partner sends the same key on every
 * request, so a recognised key is remembered rather than hashed each time; wrong guesses are not, so they
 * cannot fill the memory.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export function createPartnerKeys(
  nameByHash: Readonly<Record<string, string>>,
): (key: string | undefined) => string | undefined {
  const hashes = Object.entries(nameByHash).map(([hex, name]) => ({ hash: Buffer.from(hex, 'hex'), name }));
  const known = new Map<string, string>();
  return (key) => {
    if (!key || key.length > 200 || hashes.length === 0) return undefined;
    const remembered = known.get(key);
    if (remembered) return remembered;
    const hash = createHash('sha256').update(key).digest();
    const match = hashes.find((h) => h.hash.length === hash.length && timingSafeEqual(h.hash, hash));
    if (match && known.size < 1000) known.set(key, match.name);
    return match?.name;
  };
}
