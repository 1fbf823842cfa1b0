import { isRecord } from "./fake-http";

const CATEGORIES = [
  "harassment",
  "harassment/threatening",
  "hate",
  "hate/threatening",
  "illicit",
  "illicit/violent",
  "self-harm",
  "self-harm/intent",
  "self-harm/instructions",
  "sexual",
  "sexual/minors",
  "violence",
  "violence/graphic",
] as const;

/** Terms the fake flags by default (case-insensitive substring) and the category each raises. */
export const DEFAULT_FLAGGED_TERMS: Record<string, string> = {
  idiot: "harassment",
  "kill you": "violence",
  "hurt myself": "self-harm/intent",
};

export function moderationsResponse(
  body: Record<string, unknown>,
  flaggedTerms: Record<string, string>,
) {
  const inputs = Array.isArray(body.input) ? body.input.map(inputText) : [inputText(body.input)];
  return {
    id: `modr-fake-${Date.now()}`,
    model:
      body.model === "text-moderation-latest"
        ? "text-moderation-007"
        : "omni-moderation-2024-09-26",
    results: inputs.map((text) => moderate(text, flaggedTerms)),
  };
}

function inputText(input: unknown): string {
  if (typeof input === "string") return input;
  return isRecord(input) && typeof input.text === "string" ? input.text : "";
}

function moderate(text: string, flaggedTerms: Record<string, string>) {
  const lower = text.toLowerCase();
  const scores: Record<string, number> = Object.fromEntries(CATEGORIES.map((c) => [c, 0.0001]));
  for (const [term, category] of Object.entries(flaggedTerms)) {
    if (!lower.includes(term.toLowerCase())) continue;
    scores[category] = 0.97;
    // The real model scores the parent category too, a little lower.
    const parent = category.split("/")[0] ?? category;
    if (parent !== category) scores[parent] = Math.max(scores[parent] ?? 0, 0.85);
  }
  const categories = Object.fromEntries(Object.entries(scores).map(([c, s]) => [c, s >= 0.5]));
  return {
    flagged: Object.values(categories).some(Boolean),
    categories,
    category_scores: scores,
    category_applied_input_types: Object.fromEntries(Object.keys(scores).map((c) => [c, ["text"]])),
  };
}
