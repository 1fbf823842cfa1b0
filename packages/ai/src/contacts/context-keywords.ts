// Words around a digit run that say what it is, in English, Russian and Arabic.
// Each string holds "|"-separated words; a trailing `*` marks a stem that takes any ending.

interface KeywordList {
  en: readonly string[];
  ru: readonly string[];
  ar: readonly string[];
  symbols?: readonly string[];
}

/** Says the digits that follow are not a phone: identifiers, money, addresses, codes. */
export const NEGATIVE_WORDS: KeywordList = {
  en: [
    "order|orders|booking|reservation|confirmation|ref|reference|invoice|inv|receipt|bill",
    "transaction|txn|payment|paid|pay|id|ticket|claim|card|iban|swift|account|acct|policy",
    "passport|tracking|track|awb|sku|serial|model|version|ver|build|code|pin|otp|zip|postal",
    "postcode|po box|p.o. box|trn|vat|tax|license|licence|plate|member|membership|mrn|file",
    "record|price|cost|total|subtotal|sum|amount|fee|aed|usd|eur|gbp|sar|egp|rub|dh|dhs|dirham",
    "dirhams|room|building|flat|apt|apartment|suite|villa|floor|unit|item|qty|steps|batch",
    "discount|coupon|promo|acc|a/c|insurance|insurer",
  ],
  ru: [
    "заказ|заказа|заказу|заказом|заказе|заказы|заказов|брон*|чек*|счет*|счёт*|квитанц*",
    "платеж*|платёж*|оплат*|карт*|инн|снилс|огрн*|кпп|бик|паспорт*|полис*|договор*|трек*",
    "накладн*|артикул*|код*|ид|индекс*|транзакц*|цена|цену|цены|ценой|стоит|стоим*|сумм*",
    "итого|руб*|верси*|кабинет*|талон*|скидк*|промокод*|омс|дмс|лицев*|медкарт*|страхов*",
    "квартир*|шаг*",
  ],
  ar: [
    "طلب|حجز|بطاقة|فاتورة|هوية|حساب|آيبان|ايبان|إيبان|سعر|مبلغ|درهم|دراهم|ريال|جنيه|دولار",
    "إيصال|ايصال|مرجع|تتبع|شحنة|رمز|كود|ص.ب|ص ب|صندوق بريد|بريدي|جواز|معاملة|وصفة|ملف",
    "خصم|تأمين|بوليصة|فاتورت|بطاقت|هويت|شحنت|معاملت|وصفت|بوليصت|العملية|عملية",
  ],
  symbols: ["#|№|$|€|£|₽|₸"],
};

/** Says the digits that follow are a phone number. */
export const POSITIVE_WORDS: KeywordList = {
  en: [
    "phone|phones|telephone|tel|mobile|mob|cell|cellphone|number|no|whatsapp|whats app|wa",
    "wa.me|viber|telegram|signal|call|ring|dial|text|sms|reach|contact|landline|line",
  ],
  ru: [
    "телефон*|тел|тлф|моб*|сотов*|номер*|ватсап*|вацап*|вотсап*|вайбер*|телеграм*|звон*",
    "позвон*|перезвон*|набер*|связ*|контакт*|городск*|смс",
  ],
  ar: [
    "رقم*|هاتف*|جوال*|موبايل*|محمول|تلفون*|تليفون*|واتساب|واتس اب|واتس|اتصل*|اتصال|تتصل*",
    "تواصل*|كلمني|كلموني",
  ],
};

// Arabic glues conjunctions, prepositions and the article in front of a word (بالبطاقة = "by the
// card") and possessive pronouns after it (طلبي = "my order", فاتورتي = "my invoice").
const AR_PREFIX = "(?:[وفبلك]|بال|وال|فال|كال|لل)?(?:ال)?";
const AR_SUFFIX = "(?:ي|ك|ه|ها|نا|كم|هم)?";

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function wordPattern(word: string): string {
  const stem = word.endsWith("*");
  const body = escape(stem ? word.slice(0, -1) : word).replace(/ /g, "\\s*");
  return stem ? `${body}\\p{L}*` : body;
}

function alternation(groups: readonly string[], prefix = "", suffix = ""): string {
  const words = groups.flatMap((group) => group.split("|"));
  return `${prefix}(?:${words.map(wordPattern).join("|")})${suffix}`;
}

/** Source of a regex over all words of a list, matching whole words only. */
export function keywordSource(list: KeywordList): string {
  const words = [
    alternation(list.en),
    alternation(list.ru),
    alternation(list.ar, AR_PREFIX, AR_SUFFIX),
  ];
  const bounded = `(?<![\\p{L}\\p{N}])(?:${words.join("|")})(?![\\p{L}])`;
  return list.symbols ? `${bounded}|${alternation(list.symbols)}` : bounded;
}
