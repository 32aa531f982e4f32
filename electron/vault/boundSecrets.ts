import { z } from 'zod';
import type { SecretMask } from '../logging/redact';
import { VaultError, type Vault } from './vault';

/** What a sealed secret may be used for: the CRM sign-in, or a token's pass code. */
export type SecretPurpose = 'password' | 'passCode';

export interface OpenedSecret {
  value: string;
  /** The CRM origin it was entered for; null when sealed before secrets were bound (legacy). */
  origin: string | null;
}

/** Inside the sealed text, so neither purpose nor origin can be changed without the vault's key. */
const MARKER = 'td-bound-1\u0000';
const boundSchema = z.object({ purpose: z.enum(['password', 'passCode']), origin: z.string().max(2100), value: z.string() });

const PURPOSE_WORDS: Record<SecretPurpose, string> = { password: 'a CRM password', passCode: 'a pass code' };

/**
 * Seals secrets together with their purpose and the CRM origin they belong to, and opens a secret
 * only for the purpose it was sealed for. A plain secret is told to the log's mask when it is opened
 * for use, never when a caller merely asks for something to be sealed.
 */
export class BoundSecrets {
  constructor(
    private readonly vault: Vault,
    private readonly mask: SecretMask,
  ) {}

  get protection(): string {
    return this.vault.protection;
  }

  seal(value: string, purpose: SecretPurpose, origin: string): Promise<string> {
    return this.vault.seal(MARKER + JSON.stringify({ purpose, origin, value }));
  }

  async open(sealed: string, purpose: SecretPurpose): Promise<OpenedSecret> {
    const text = await this.vault.unseal(sealed);
    const opened = text.startsWith(MARKER) ? parseBound(text.slice(MARKER.length), purpose) : { value: text, origin: null };
    this.mask.add(opened.value);
    return opened;
  }
}

function parseBound(json: string, purpose: SecretPurpose): OpenedSecret {
  let data: unknown = null;
  try {
    data = JSON.parse(json);
  } catch {
    // reported below
  }
  const parsed = boundSchema.safeParse(data);
  if (!parsed.success) throw new VaultError('This sealed secret is damaged; enter it again.');
  if (parsed.data.purpose !== purpose) {
    throw new VaultError(`This sealed secret is ${PURPOSE_WORDS[parsed.data.purpose]}; it cannot be used as ${PURPOSE_WORDS[purpose]}.`);
  }
  return { value: parsed.data.value, origin: parsed.data.origin };
}
