/** Languages we ship default customer texts for. */
export type TemplateLanguage = "en" | "ru" | "ar";

const SCRIPTS: [TemplateLanguage, RegExp][] = [
  ["ru", /\p{Script=Cyrillic}/gu],
  ["ar", /\p{Script=Arabic}/gu],
  ["en", /\p{Script=Latin}/gu],
];

/** The language of a text by its dominant script, or null when it has no letters (e.g. only a phone number). */
export function detectScriptLanguage(text: string): TemplateLanguage | null {
  let best: TemplateLanguage | null = null;
  let bestCount = 0;
  for (const [language, pattern] of SCRIPTS) {
    const count = text.match(pattern)?.length ?? 0;
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The customer's language: the new messages' script, else the latest earlier customer message with
 * letters, else the agent's first language (when it is one we have texts for), else English.
 */
export function detectCustomerLanguage(
  messages: readonly string[],
  earlierCustomerMessages: readonly string[],
  agentLanguages: readonly string[],
): TemplateLanguage {
  const now = detectScriptLanguage(messages.join("\n"));
  if (now) return now;
  for (const message of [...earlierCustomerMessages].reverse()) {
    const language = detectScriptLanguage(message);
    if (language) return language;
  }
  const first = agentLanguages[0]?.toLowerCase().slice(0, 2);
  return first === "ru" || first === "ar" || first === "en" ? first : "en";
}
