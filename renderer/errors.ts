import { ZodError } from 'zod';
import { plainIssues } from './plainProblems';

/** A thrown value as a sentence for the operator (IpcCallError carries main's message); a schema's problems in words, never its JSON. */
export function errorMessage(error: unknown): string {
  if (error instanceof ZodError) return plainIssues(error).join(' ');
  if (error instanceof Error && error.message !== '') return error.message;
  return 'Something went wrong.';
}
