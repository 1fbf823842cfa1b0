import type { ModerationResult, Moderator } from "../providers/types";

type Category = "self-harm" | "violence" | "hate" | "sexual" | "harassment";

/**
 * Clearly abusive phrases in the product's languages (en, ru, ar), separated by `|` or new lines.
 * Entries are whole words or word sequences, never substrings. A trailing `*` marks a stem that
 * matches any ending (Russian inflection), used only where no ordinary word shares the stem
 * ("жид" is not a stem: "жидкость" is a liquid). Phrases a patient may say innocently ("kill you"
 * in "can an overdose kill you?", "cut myself" while cooking, "يا عبد" before a name) are left out.
 */
const LEXICON: Record<Category, string> = {
  "self-harm": `
    kill myself | killing myself | end my life | want to die | wanna die | suicidal | commit suicide
    don't want to live | dont want to live
    покончить с собой | убить себя | убью себя | хочу умереть | не хочу жить | суицид* | повеситься
    повешусь | вскрыть вены | порезать себя
    انتحر | الانتحار | اقتل نفسي | اريد ان اموت | ابي اموت | بدي موت`,
  violence: `
    i will kill you | i'll kill you | gonna kill you | going to kill you | i will murder you
    i'll murder you | i will shoot you | i'll shoot you | i will stab you | i'll stab you
    beat you up | cut your throat | slit your throat | blow up your
    убью | убить тебя | убить вас | зарежу | прирежу | пристрелю | застрелю | взорву вас
    сожгу вас
    اقتلك | ساقتلك | اذبحك | ساذبحك`,
  hate: `
    subhuman | untermensch | go back to your country | gas the jews | nigger* | niggas | faggot*
    kike | kikes
    чурка | чурки | чурок | хачи | хачей | жид | жиды | жидов | жидовка | жидяра | черножоп*
    пидорас* | пидор | пидоры | пидора | пидоров
    يهود قذرين | كفار انجاس`,
  sexual: `
    send nudes | send me nudes | sex with you | suck my dick | suck my cock | porn | porno
    секс с тобой | отсоси | отсосать | порно | голые фото | пришли голые
    سكس | انيكك | نيكني | نيك امك`,
  harassment: `
    fuck you | fuck off | fucking idiot | motherfucker* | son of a bitch | bitch | cunt | asshole
    dickhead | piece of shit | kill yourself | kys | go die | you idiot | you moron | retard
    retards | retarded
    сука | суки | сучка | блядь | блять | бля | бляди | пизд* | хуй* | нахуй | хуев* | ебан*
    ебал* | ебать | заеб* | уеб* | долбоеб* | мудак* | мудил* | дебил* | тварь | мразь | урод
    уроды | шлюха | сдохни | ты идиот | вы идиоты
    كس امك | يا حمار | يا كلب | ابن الكلب | يا غبي | يلعن ابوك | يلعن امك | الله يلعنك | شرموطه
    عاهره | منيوك | يا خول`,
};

const SCORES: Record<Category, number> = {
  "self-harm": 0.95,
  violence: 0.93,
  hate: 0.92,
  sexual: 0.9,
  harassment: 0.88,
};

const CATEGORIES = Object.keys(LEXICON) as Category[];
export const OFFLINE_MODERATION_MODEL = "offline-lexicon-v1";

interface Phrase {
  category: Category;
  words: string[];
}

const PHRASES: Phrase[] = CATEGORIES.flatMap((category) =>
  LEXICON[category]
    .split(/[|\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => ({ category, words: normalise(entry).split(/\s+/) })),
);

/** Deterministic, local moderation for the offline mode: flags only clear abuse, never a substring. */
export function createOfflineModerator(): Moderator {
  return {
    async moderate(text: string): Promise<ModerationResult> {
      const started = performance.now();
      const hits = matchedCategories(words(text));
      const categories = Object.fromEntries(CATEGORIES.map((c) => [c, hits.has(c)]));
      const categoryScores = Object.fromEntries(
        CATEGORIES.map((c) => [c, hits.has(c) ? SCORES[c] : 0]),
      );
      const category = CATEGORIES.find((c) => hits.has(c)) ?? null;
      return {
        flagged: category !== null,
        categories,
        categoryScores,
        category,
        metrics: {
          step: "moderation",
          model: OFFLINE_MODERATION_MODEL,
          usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
          latencyMs: Math.round(performance.now() - started),
          costUsd: 0,
          attempts: 1,
        },
      };
    },
  };
}

function matchedCategories(tokens: string[]): Set<Category> {
  const hits = new Set<Category>();
  for (let start = 0; start < tokens.length; start++) {
    for (const phrase of PHRASES) {
      if (hits.has(phrase.category)) continue;
      if (phrase.words.every((word, offset) => wordMatches(tokens[start + offset], word))) {
        hits.add(phrase.category);
      }
    }
  }
  return hits;
}

function wordMatches(token: string | undefined, entry: string): boolean {
  if (token === undefined) return false;
  const candidates = [token, withoutArabicConjunction(token)];
  if (entry.endsWith("*")) return candidates.some((t) => t.startsWith(entry.slice(0, -1)));
  return candidates.includes(entry);
}

// Arabic writes "and"/"so" (و / ف) joined to the next word: "وساقتلك" is "and I will kill you".
function withoutArabicConjunction(token: string): string {
  return /^[وف][\u0600-\u06ff]{3,}$/u.test(token) ? token.slice(1) : token;
}

function words(text: string): string[] {
  return (normalise(text).match(/[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}]+)*/gu) ?? []).map((w) =>
    // Stretched words ("fuuuck", "сукааа") are the same word.
    w.replace(/(\p{L})\1{2,}/gu, "$1"),
  );
}

function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[’`]/g, "'")
    .replace(/[\u064b-\u065f\u0670\u0640]/g, "") // Arabic vowel marks and tatweel
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه");
}
