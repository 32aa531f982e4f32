/**
 * Problems shared/'s own schema checks find (a definition's rules contradicting each other, a CRM URL
 * without its scheme). Each zod issue carries its code in `params.problem`, so the renderer says it in
 * the clerk's language; the issue's English message stays for main's log.
 */
export const SCHEMA_PROBLEMS = ['maxBelowMin', 'generatedOutside', 'countsTooMany', 'digitsOnlyClasses', 'lettersDigitsSpecial', 'crmUrlScheme'] as const;
export type SchemaProblem = (typeof SCHEMA_PROBLEMS)[number];

export const isSchemaProblem = (value: unknown): value is SchemaProblem => (SCHEMA_PROBLEMS as readonly unknown[]).includes(value);

/** A custom zod issue's fields for `problem`: its English message and its code. */
export const schemaProblem = (problem: SchemaProblem, message: string) => ({ message, params: { problem } });
