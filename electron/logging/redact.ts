/**
 * Takes secrets out of text bound for a log file or a support bundle: values of secret-looking keys
 * (password, pass code, token, secret, sealed...), bearer credentials, sealed blobs, and any value the
 * vault has seen (registered with a SecretMask).
 */

export const REDACTED = '[redacted]';

/** Key names whose values are secrets, in camelCase, snake_case, kebab-case or with spaces. */
const SECRET_KEY = String.raw`(?:pass(?:word|wd|[ _-]?code|phrase)|(?:session|access|auth|api|bearer|refresh)?[ _-]?token|secret|sealed\w*|credentials?|authorization|cookie|plaintext|pin)`;

/** `"key": "value"` (JSON, possibly escaped inside a string) */
const JSON_PAIR = new RegExp(String.raw`(\\?["'])(${SECRET_KEY})\1(\s*:\s*)(\\?["'])((?:(?!\4).)*)\4`, 'gi');
/** `"key": 12345` (numbers and literals in JSON) */
const JSON_BARE = new RegExp(String.raw`(\\?["'])(${SECRET_KEY})\1(\s*:\s*)(-?[\w.+-]+)`, 'gi');
/** `key=value`, `key: value` (query strings, log fields, prose) */
const PLAIN_PAIR = new RegExp(String.raw`\b(${SECRET_KEY})(\s*[=:]\s*)((?:Bearer|Basic)\s+)?([^\s&,;'"}\]]+)`, 'gi');
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{4,}/gi;
/** FileKeyVault's `v1:<base64>` and long base64 runs (safeStorage output is base64). */
const SEALED_BLOB = /\bv\d+:[A-Za-z0-9+/]{16,}={0,2}|[A-Za-z0-9+/]{40,}={0,2}/g;

export function redactText(text: string, mask?: SecretMask): string {
  let out = mask ? mask.apply(text) : text;
  out = out.replace(JSON_PAIR, (_m, q: string, key: string, sep: string, vq: string) => `${q}${key}${q}${sep}${vq}${REDACTED}${vq}`);
  out = out.replace(JSON_BARE, (_m, q: string, key: string, sep: string) => `${q}${key}${q}${sep}"${REDACTED}"`);
  out = out.replace(PLAIN_PAIR, (_m, key: string, sep: string) => `${key}${sep}${REDACTED}`);
  out = out.replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`);
  return out.replace(SEALED_BLOB, (blob) => (looksRandom(blob) ? REDACTED : blob));
}

/** Random base64 mixes cases and digits; a long path or word does not. */
function looksRandom(blob: string): boolean {
  return /^v\d+:/.test(blob) || (/[A-Z]/.test(blob) && /[a-z]/.test(blob) && /\d/.test(blob) && !blob.includes('//'));
}

const SECRET_KEY_NAME = new RegExp(`^${SECRET_KEY}$`, 'i');

/** A copy of structured data with secret-looking keys' values replaced and every string redacted. */
export function redactValue(value: unknown, mask?: SecretMask, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, mask);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, mask, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEY_NAME.test(key) && inner !== null && inner !== undefined && inner !== false ? REDACTED : redactValue(inner, mask, depth + 1);
  }
  return out;
}

/**
 * Plain secrets the process has handled recently (the vault registers what it seals and unseals),
 * so that one quoted back in an error message is still masked. Bounded; short values are ignored
 * because masking them would garble ordinary numbers.
 */
export class SecretMask {
  private readonly secrets = new Set<string>();

  constructor(
    private readonly max = 1000,
    private readonly minLength = 4,
  ) {}

  add(secret: string): void {
    if (secret.length < this.minLength) return;
    this.secrets.delete(secret);
    this.secrets.add(secret);
    if (this.secrets.size > this.max) {
      const oldest = this.secrets.values().next().value;
      if (oldest !== undefined) this.secrets.delete(oldest);
    }
  }

  apply(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is masked whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }
}
