import { z } from 'zod';

const jwtPayloadSchema = z.looseObject({ exp: z.number().positive() });

/**
 * From R12 the session token is a JWT (three base64url parts) whose payload carries `exp` in
 * seconds; before R12 it is an opaque 32-hex token that expires after an idle hour (no `exp`).
 * Returns the expiry in epoch milliseconds, or null when the token says none.
 */
export function sessionExpiry(token: string): number | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === undefined) return null;
  try {
    const payload = jwtPayloadSchema.safeParse(JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')));
    return payload.success ? payload.data.exp * 1000 : null;
  } catch {
    return null;
  }
}
