import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';
import type { RandomSource } from '../../shared/token/generate';
import type { TokenDeskDatabase } from '../storage/database';

/** What a command needs: the local database, main (to seal secrets), a clock and randomness. */
export interface CommandDeps {
  db: TokenDeskDatabase;
  api: Pick<TokenDeskApi, 'sealSecret'>;
  now: () => number;
  random: RandomSource;
}

/** A pass code sealed by main; the plain text never reaches the database. */
export async function seal(deps: Pick<CommandDeps, 'api'>, passCode: string): Promise<string> {
  return (await deps.api.sealSecret({ plaintext: passCode })).sealed;
}
