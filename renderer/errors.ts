/** A thrown value as a sentence for the operator (IpcCallError carries main's message). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message !== '') return error.message;
  return 'Something went wrong.';
}
