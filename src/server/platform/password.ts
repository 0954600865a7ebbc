/** Password hashing behind an interface: argon2id (OWASP parameters m=19 MiB, t=2, p=1). */
import { hash, verify } from '@node-rs/argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
}

const ARGON2ID = 2;

export function createArgon2Hasher(options: { memoryCost?: number; timeCost?: number } = {}): PasswordHasher {
  const params = {
    algorithm: ARGON2ID,
    memoryCost: options.memoryCost ?? 19_456,
    timeCost: options.timeCost ?? 2,
    parallelism: 1,
  };
  return {
    hash: (password) => hash(password, params),
    verify: async (passwordHash, password) => {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false;
      }
    },
  };
}
