import { normalizeForMatching } from "../rules/normalize";

/**
 * Whether the customer asks to be sent something ("send me your price list", "пришлите прайс",
 * "أرسل لي قائمة الأسعار"): a request verb aimed at them, not a question about a thing that happens to
 * be a document ("how much is the price list item X"), not a past send ("I sent you…"), not a refusal
 * ("don't send me anything").
 */
const REQUESTS: RegExp[] = [
  // English: imperative or polite request; "me/us" or an object right after.
  /\b(?:please\s+)?(?:send|e-?mail|forward|share|attach|text|dm)\s+(?:me|us)\b/u,
  /\b(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(?:send|e-?mail|forward|share|attach)\b/u,
  /^(?:please\s+)?(?:send|forward|attach|share)\s+(?:the|your|a|an|over)\b/u,
  /\b(?:i(?:'d| would)? like|i want|i need)\s+(?:to (?:get|receive|have)\s+)?(?:a copy of\s+)?(?:the|your)\b.*\b(?:sent|emailed|as a (?:file|pdf))\b/u,
  // Russian: пришлите/пришли/вышлите/отправьте/скиньте/скинь/перешлите/киньте/можно … прислать.
  /(?:^|[^\p{L}])(?:пришлите|пришли|вышлите|вышли|отправьте|отправь|скиньте|скинь|перешлите|перешли|киньте|кинь)(?=$|[^\p{L}])/u,
  /(?:^|[^\p{L}])(?:можете|можешь|могли бы|можно)\s+(?:мне\s+)?(?:при|вы|от|пере|с)(?:слать|править|кинуть)(?=$|[^\p{L}])/u,
  // Arabic (alef forms folded to ا): ارسل / ابعث / ارسلوا / ابعثوا / بعتلي, ممكن ترسل / هل يمكنك ان ترسل.
  /(?:^|[^\p{L}])ا?(?:رسل|بعث)(?:وا|ي)?(?:\s*لي|\s*لنا)?(?=$|[^\p{L}])/u,
  /(?:^|[^\p{L}])(?:ابعتلي|بعتلي|ابعتلنا)(?=$|[^\p{L}])/u,
  /(?:^|[^\p{L}])(?:ممكن|يمكنك|تقدر)\s+(?:ان\s+)?(?:ت|ي)(?:رسل|بعث)/u,
];

const REFUSALS: RegExp[] = [
  /\b(?:don't|do not|dont|no need to|never)\s+(?:send|e-?mail|forward)\b/u,
  /(?:^|[^\p{L}])(?:не|ненадо|не надо)\s+(?:при|вы|от|пере|с)?(?:сылать|шлите|правляйте|кидайте)/u,
  /(?:^|[^\p{L}])(?:لا|لا داعي)\s+(?:ت|ان ت)?(?:رسل|بعث)/u,
];

export function asksToBeSentSomething(message: string): boolean {
  const text = normalizeForMatching(message);
  if (REFUSALS.some((pattern) => pattern.test(text))) return false;
  return REQUESTS.some((pattern) => pattern.test(text));
}
