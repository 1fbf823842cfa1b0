import { normalizeForMatching } from "../rules/normalize";
import { questionStems } from "./match-sentences";
import { contentStems, stem, words } from "./tokens";

/** One thing a customer's message asks or says: a sentence, or a clause of one joined by "and". */
export interface QuestionPart {
  /** The clause, with what an "it" in it stands for appended ("how long does it take" + "consultation"). */
  text: string;
  /** Phrased as a question (its sentence ends with "?" or it opens with a question word). */
  asks: boolean;
}

const SENTENCE_END = /(?<=[.!?؟])\s+|\n+/u;
const QUESTION_MARK = /[?؟]\s*$/u;
/**
 * Clause joints: "hours and the price", "часы работы и сколько стоит", "الساعات وكم السعر". Arabic
 * writes "and" as a prefix, so only "و" before a question word (or standing alone) splits there.
 */
const JOINTS = [
  /,?\s+(?:and also|and|also|plus|as well as)\s+/iu,
  /,?\s+(?:а также|а ещё|а еще|и)\s+/iu,
  /\s+و\s*(?=(?:كم|ما|ماذا|هل|اين|أين|متى|كيف|من)(?![\p{L}]))|\s+و\s+/u,
];
const QUESTION_WORDS = new Set(
  `what what's how when where which who whom why whose is are do does can could would will may should
  сколько где когда как какой какая какое какие каков почему зачем кто что можно есть ли
  كم ما ماذا هل اين متى كيف لماذا من`
    .split(/\s+/)
    .filter(Boolean)
    .map(normalizeForMatching),
);

/** Words of "can you help me?", "I have a question": nothing in them to answer from the knowledge. */
const FILLER = new Set(
  `help question questions quick wonder wondering ask asking tell info information hello hi
  помочь помогите помоги вопрос вопросик узнать спросить интересует подскажите
  سؤال مساعده ساعدني`
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => stem(normalizeForMatching(word))),
);

function hasSubstance(clause: string): boolean {
  return [...questionStems(clause)].some((s) => !FILLER.has(s));
}

/** Words that point back at the thing the previous clause asked about. */
const POINTERS = new Set(
  "it its this that they them those these это этого этом она он оно они её ее его их"
    .split(" ")
    .map(normalizeForMatching),
);

function opensWithQuestionWord(clause: string): boolean {
  const first = normalizeForMatching(clause).match(/[\p{L}']+/u)?.[0];
  return first !== undefined && QUESTION_WORDS.has(first);
}

function clausesOf(sentence: string): string[] {
  return JOINTS.reduce<string[]>(
    (clauses, joint) => clauses.flatMap((clause) => clause.split(joint)),
    [sentence],
  );
}

/**
 * The parts of a message worth answering one by one, in order: every clause with a content word.
 * "What are your hours and the price of a cleaning?" → "What are your hours", "the price of a cleaning".
 */
export function questionParts(message: string): QuestionPart[] {
  const parts: QuestionPart[] = [];
  let previous = "";
  for (const sentence of message.split(SENTENCE_END)) {
    const asked = QUESTION_MARK.test(sentence);
    for (const clause of clausesOf(sentence)) {
      const own = clause.replace(/[\s.!?؟,;:]+$/u, "").trim();
      // "Where are you?" has no content word, but it names a topic the knowledge can answer.
      if (own === "" || !hasSubstance(own)) continue;
      const pointsBack = words(own).some((word) => POINTERS.has(word));
      const text = pointsBack && previous ? `${own} (${previous})` : own;
      parts.push({ text, asks: asked || opensWithQuestionWord(own) });
      previous = [...contentStems(own)].length > 0 ? own : previous;
    }
  }
  return parts;
}
