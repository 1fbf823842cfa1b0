import { normalizeForMatching } from "../rules/normalize";

const STOP_WORDS = new Set(
  `a an the is are am was were be been do does did you your yours i me my we our us it its this that these those
  what how much many when where which who whom why can could would should will shall may might to of in on at for
  from by with and or but if so not no yes please hi hello hey there here about any some tell like want need know
  have has had get give also just there's what's i'm i'd you're it's dear thanks thank
  я ты вы мы он она они оно у в во на с со и а но по о об обо к ко до за из от что как какой какая какое какие где
  когда сколько ли это есть мне меня вас вам ваш ваши ваша ваше можно пожалуйста здравствуйте привет скажите
  подскажите хочу хотел хотела бы же ну еще ещё уже там тут мой моя мое моё мои нас нам его ее её их
  في من على الى إلى هل ما ماذا كم متى أين اين و عن مع انا أنا لكم لديكم عندكم هذا هذه ذلك`
    .split(/\s+/)
    .filter(Boolean),
);

const RUSSIAN_ENDINGS = [
  "ами",
  "ями",
  "ого",
  "его",
  "ому",
  "ему",
  "ыми",
  "ими",
  "ая",
  "яя",
  "ое",
  "ее",
  "ые",
  "ие",
  "ой",
  "ей",
  "ий",
  "ый",
  "ом",
  "ем",
  "ам",
  "ям",
  "ах",
  "ях",
  "ов",
  "ев",
  "ую",
  "юю",
  "а",
  "я",
  "о",
  "е",
  "ы",
  "и",
  "у",
  "ю",
  "ь",
  "й",
];
const ENGLISH_ENDINGS = ["ing", "ed", "es", "s", "e"];

/** A light stem, enough to match "prices"/"price", "цены"/"цена", "booking"/"book". */
export function stem(word: string): string {
  if (/^\p{Script=Cyrillic}+$/u.test(word)) {
    const ending = RUSSIAN_ENDINGS.find((e) => word.endsWith(e) && word.length - e.length >= 3);
    return ending ? word.slice(0, -ending.length) : word;
  }
  if (/^\p{Script=Arabic}+$/u.test(word))
    return word.startsWith("ال") && word.length >= 5 ? word.slice(2) : word;
  const ending = ENGLISH_ENDINGS.find((e) => word.endsWith(e) && word.length - e.length >= 3);
  return ending ? word.slice(0, -ending.length) : word;
}

export function words(text: string): string[] {
  return normalizeForMatching(text).match(/[\p{L}\p{M}']+|\p{N}+/gu) ?? [];
}

/** Content-word stems of a text (stop words dropped). */
export function contentStems(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((w) => !STOP_WORDS.has(w) && !/^\p{N}+$/u.test(w))
      .map(stem),
  );
}

export function stemsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.startsWith(short);
}
