/**
 * "One token's changes go in order", the one notion both sides use: walking changes in queue order,
 * once one change of a token stops (held back, refused, not done), every later change of that token
 * waits behind it.
 */
export class TokenOrder {
  private readonly stopped = new Set<string>();

  /** Whether this token's next change may go. */
  open(tokenLocalId: string): boolean {
    return !this.stopped.has(tokenLocalId);
  }

  /** This token's change did not go through: its later changes wait. */
  stop(tokenLocalId: string): void {
    this.stopped.add(tokenLocalId);
  }
}
