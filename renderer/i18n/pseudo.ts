import type { Words } from './area';

/**
 * The pseudo-locale: every English text wrapped in ⟦…⟧, placeholders left alone. A screen rendered in
 * it shows at a glance (and to the pseudo-locale test) any text that did not go through the catalog.
 */
export function pseudoWords(words: Words): Words {
  return Object.fromEntries(Object.entries(words).map(([key, value]) => [key, typeof value === 'string' ? `⟦${value}⟧` : pseudoWords(value)]));
}
