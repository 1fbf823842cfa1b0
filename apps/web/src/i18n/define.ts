import type { Locale } from "./locales";

/** A message is text, a function that builds text from values, or a group of messages. */
export type MessageTree = {
  readonly [key: string]: string | ((...args: never[]) => string) | MessageTree;
};

/** The same keys and call signatures as the English tree, with any text. */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : T[K] extends string
      ? string
      : Translation<T[K]>;
};

export type Dictionary<T extends MessageTree> = Record<Locale, Translation<T>>;

/**
 * English is the source of truth for keys; TypeScript refuses a Russian tree that misses or adds one,
 * so a page can never show a key name instead of text.
 */
export function defineMessages<T extends MessageTree>(en: T, ru: Translation<T>): Dictionary<T> {
  return { en: en as unknown as Translation<T>, ru };
}
