/** A catalog area's English words; every other language must give the same keys (the compiler checks it). */
export interface Words {
  readonly [key: string]: string | Words;
}

/** Another language's words for English `T`: every key, nothing more (a missing or extra key is a compile error). */
export type SameKeys<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };
