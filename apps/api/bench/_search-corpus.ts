// Realistic clinic chat text for the search bench: English, Russian and Arabic sentences with names,
// phones (in the formats people type) and e-mails, from a fixed seed so runs compare.

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const NAMES = {
  en: ["Maria", "John", "Emily", "Oliver", "Sophia", "Liam", "Grace", "Noah", "Chloe", "Ethan"],
  ru: [
    "Мария",
    "Иван",
    "Ольга",
    "Сергей",
    "Анна",
    "Дмитрий",
    "Елена",
    "Фёдор",
    "Наталья",
    "Алексей",
  ],
  ar: ["محمد", "أحمد", "فاطمة", "عائشة", "يوسف", "مريم", "عمر", "ليلى", "خالد", "سارة"],
};
const SURNAMES = {
  en: ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Clarke"],
  ru: ["Иванова", "Петров", "Смирнова", "Кузнецов", "Фёдорова", "Попов", "Соколова", "Лебедев"],
  ar: ["الحسن", "العلي", "المنصور", "الخطيب", "السيد", "القاسم", "النجار", "الشامي"],
};
const SENTENCES = {
  en: [
    "Hello, I would like to book a cleaning appointment for next week",
    "Do you do teeth whitening and how much does it cost?",
    "My tooth has been hurting since yesterday, can I come today?",
    "What are your opening hours on Saturday?",
    "I need to reschedule my appointment with the orthodontist",
    "Is the consultation free for new patients?",
    "Can you send me the price list for implants and veneers?",
    "Thank you, see you on Monday morning",
    "Our clinic is open from 9 to 18, would Tuesday at 11 suit you?",
    "The dentist recommends a filling and a check-up in six months",
  ],
  ru: [
    "Здравствуйте, хочу записаться на чистку зубов на следующей неделе",
    "Сколько стоит отбеливание и сколько длится процедура?",
    "У меня со вчерашнего дня болит зуб, можно прийти сегодня?",
    "Во сколько вы работаете в субботу?",
    "Мне нужно перенести запись к ортодонту",
    "Консультация для новых пациентов бесплатная?",
    "Пришлите, пожалуйста, прайс на импланты и виниры",
    "Спасибо, до встречи в понедельник утром",
    "Клиника работает с 9 до 18, вам удобно во вторник в 11?",
    "Врач рекомендует пломбу и осмотр через полгода",
  ],
  ar: [
    "مرحباً، أُريد حجز موعد لتنظيف الأسنان الأسبوع القادم",
    "هل لديكم تبييض للأسنان وكم التكلفة؟",
    "أسناني تؤلمني منذ الأمس، هل يمكنني الحضور اليوم؟",
    "ما هي مواعيد العمل يوم السبت؟",
    "أحتاج إلى تغيير موعدي مع طبيب تقويم الأسنان",
    "هل الاستشارة مجانية للمرضى الجدد؟",
    "أرسلوا لي قائمة الأسعار للزراعة والقشور من فضلكم",
    "شكراً جزيلاً، أراكم يوم الإثنين صباحاً",
    "العيادة مفتوحة من التاسعة حتى السادسة، هل يناسبك الثلاثاء؟",
    "ينصح الطبيب بحشوة وفحص بعد ستة أشهر",
  ],
};
const LANGUAGES = ["en", "ru", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Person {
  language: Language;
  name: string;
  surname: string;
  /** E.164 */
  phone: string;
  email: string;
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

export function person(random: () => number, index: number): Person {
  const language = LANGUAGES[index % 3] as Language;
  const subscriber = String(1_000_000 + Math.floor(random() * 8_999_999));
  const phone =
    language === "ru"
      ? `+79${String(10 + (index % 89)).padStart(2, "0")}${subscriber}`
      : language === "ar"
        ? `+9715${index % 10}${subscriber}`
        : `+4477009${subscriber.slice(0, 5)}`;
  return {
    language,
    name: pick(random, NAMES[language]),
    surname: pick(random, SURNAMES[language]),
    phone,
    email: `patient${index}.${language}@example-mail.com`,
  };
}

/** How the customer writes their number: international, national, or spaced. */
function typedPhone(random: () => number, p: Person): string {
  const d = p.phone.slice(1);
  if (p.language === "ru" && random() < 0.5)
    return `8 ${d.slice(1, 4)} ${d.slice(4, 7)}-${d.slice(7, 9)}-${d.slice(9)}`;
  return `+${d.slice(0, d.length - 7)} ${d.slice(-7, -4)} ${d.slice(-4)}`;
}

/** The `n`th message of a conversation with `p`: introductions and contacts early, chat after. */
export function messageText(random: () => number, p: Person, n: number): string {
  const sentence = pick(random, SENTENCES[p.language]);
  if (n === 0) {
    const intro = {
      en: `I am ${p.name} ${p.surname}.`,
      ru: `Меня зовут ${p.name} ${p.surname}.`,
      ar: `اسمي ${p.name} ${p.surname}.`,
    };
    return `${intro[p.language]} ${sentence}`;
  }
  if (n === 2) return `${sentence} ${typedPhone(random, p)}`;
  if (n === 4) return `${sentence} ${p.email}`;
  return sentence;
}
