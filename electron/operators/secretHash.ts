import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** scrypt's cost (2^14, 8, 1: about 16 MiB and tens of milliseconds a guess), kept with each hash so it can be raised later. */
export const SCRYPT_COST = { N: 2 ** 14, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

export const secretHashSchema = z.object({
  salt: z.string().min(1),
  hash: z.string().min(1),
  N: z.number().int().min(2),
  r: z.number().int().min(1),
  p: z.number().int().min(1),
});
/** A PIN or badge code as stored: only this slow salted hash, never the code. */
export type SecretHash = z.infer<typeof secretHashSchema>;

type Cost = Pick<SecretHash, 'N' | 'r' | 'p'>;

function derive(secret: string, salt: Buffer, cost: Cost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; twice that leaves room for the rest.
  const maxmem = 256 * cost.N * cost.r;
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFKC'), salt, KEY_BYTES, { ...cost, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export function newSalt(): string {
  return randomBytes(SALT_BYTES).toString('base64');
}

export async function hashSecret(secret: string, salt: string = newSalt()): Promise<SecretHash> {
  const key = await derive(secret, Buffer.from(salt, 'base64'), SCRYPT_COST);
  return { salt, hash: key.toString('base64'), ...SCRYPT_COST };
}

/** Compares in constant time; false for a hash that is not one of ours. */
export function sameHash(a: SecretHash, b: SecretHash): boolean {
  const left = Buffer.from(a.hash, 'base64');
  const right = Buffer.from(b.hash, 'base64');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** Whether `secret` is the one `stored` was made from (hashed again with its salt and cost). */
export async function matchesHash(secret: string, stored: SecretHash): Promise<boolean> {
  const key = await derive(secret, Buffer.from(stored.salt, 'base64'), stored);
  return sameHash({ ...stored, hash: key.toString('base64') }, stored);
}
