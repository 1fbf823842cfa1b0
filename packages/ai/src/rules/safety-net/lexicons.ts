import { ARABIC } from "./lexicon-ar";
import { ENGLISH } from "./lexicon-en";
import { RUSSIAN } from "./lexicon-ru";
import type { Lexicon } from "./lexicon-types";

/** Every language's words: a message is matched against all of them (customers mix languages). */
export const BUILT_IN_LEXICONS: readonly Lexicon[] = [ENGLISH, RUSSIAN, ARABIC];
