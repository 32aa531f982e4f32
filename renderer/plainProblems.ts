import type { z } from 'zod';
import { isSchemaProblem } from '../shared/text/schemaProblems';
import { t } from './i18n';

type Issue = z.core.$ZodIssue;

function expectedType(expected: string): string {
  if (expected === 'number') return t('problems.number');
  if (expected === 'boolean') return t('problems.boolean');
  if (expected === 'string') return t('problems.text');
  return t('problems.type', { type: expected });
}

/** What is wrong with a value, as a sentence in the clerk's language; a problem of shared/'s own by its code. */
function what(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined$/.test(issue.message) ? t('problems.missing') : expectedType(issue.expected);
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? t('problems.empty') : t('problems.atLeast', { min: String(issue.minimum) });
    case 'too_big':
      return t(issue.origin === 'string' ? 'problems.atMostCharacters' : 'problems.atMost', { max: String(issue.maximum) });
    case 'invalid_value':
      return t('problems.oneOf', { values: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return t('problems.unknownFields', { keys: issue.keys.join(', ') });
    case 'custom':
      return isSchemaProblem(issue.params?.problem) ? t(`problems.rule.${issue.params.problem}`) : t('problems.invalid');
    default:
      return t('problems.invalid');
  }
}

/** One schema problem as a sentence, after the field it concerns ("passCode.minLength: The value must be a number."). */
export function plainIssue(issue: Issue): string {
  const where = issue.path.map(String).join('.');
  return where === '' ? what(issue) : t('problems.at', { where, problem: what(issue) });
}

/** The first problem a form's schema found, without the field's name in the schema (the form shows where). */
export function formProblem(error: z.ZodError): string {
  const [first] = error.issues;
  return first ? what(first) : t('problems.invalid');
}

/** Every problem a schema found, as sentences, in the order found. */
export function plainIssues(error: z.ZodError): string[] {
  return error.issues.map(plainIssue);
}
