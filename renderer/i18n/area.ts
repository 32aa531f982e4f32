/** A catalog area's English words; every other language must give the same keys (the compiler checks it). */
export interface Words {
  readonly [key: string]: string | Words;
}

export type SameKeys<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

/** One area of the catalog: English and Greek side by side, so a missing Greek key is a type error. */
export function area<T extends Words>(en: T, el: SameKeys<T>): { en: T; el: SameKeys<T> } {
  return { en, el };
}
