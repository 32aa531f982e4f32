/** What went wrong, as text. Never throws: an object without a prototype cannot be stringified. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return 'unknown failure';
  }
}
