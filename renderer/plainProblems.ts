import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

function what(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined$/.test(issue.message) ? 'is missing' : `must be ${issue.expected === 'number' ? 'a number' : issue.expected === 'boolean' ? 'true or false' : `a ${issue.expected}`}`;
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? 'must not be empty' : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `has fields this app does not know: ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

/** One schema problem as a sentence: the field, then what is wrong with it ("passCode.minLength must be a number"). */
export function plainIssue(issue: Issue): string {
  const where = issue.path.map(String).join('.');
  if (issue.code === 'custom' || issue.code === 'invalid_format') return where === '' ? issue.message : `${where}: ${issue.message}`;
  return where === '' ? `The value ${what(issue)}` : `${where} ${what(issue)}`;
}

/** Every problem a schema found, as sentences, in the order found. */
export function plainIssues(error: z.ZodError): string[] {
  return error.issues.map(plainIssue);
}
