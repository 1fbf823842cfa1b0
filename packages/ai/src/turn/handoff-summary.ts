import {
  clipLine,
  HANDOFF_SUMMARY_LIMITS,
  type HandoffSummary,
} from "@agents-crm/config/handoff-summary";
import type { ExtractedContacts } from "../contacts/schema";
import type { ModelAnswer } from "../prompt/output-contract";
import { keywordPattern } from "../rules/keyword-pattern";
import { normalizeForMatching } from "../rules/normalize";
import type { TriggerHit } from "../rules/triggers";
import type { TurnEscalation } from "./types";

export interface SummaryInput {
  escalation: Pick<TurnEscalation, "reason" | "cause">;
  answer: ModelAnswer | null;
  /** The turn's customer messages, trimmed, non-blank. */
  messages: readonly string[];
  hits: readonly TriggerHit[];
  contacts: ExtractedContacts;
}

const SENTENCE = /[^.!?…\n؟。]+[.!?…؟。]*/gu;

function sentencesOf(messages: readonly string[]): string[] {
  return messages.flatMap((message) =>
    (message.match(SENTENCE) ?? []).map((s) => s.trim()).filter(Boolean),
  );
}

/**
 * Offline (or when the model left `summary` empty): the customer's own words — the sentence that
 * decided the hand-over (a trigger keyword in it), else their latest message. Quoting beats guessing
 * an intent, and reads the same in any staff language.
 */
function customerWords(messages: readonly string[], hits: readonly TriggerHit[]): string {
  const sentences = sentencesOf(messages);
  const patterns = hits.flatMap((hit) => keywordPattern(hit.keyword) ?? []);
  const deciding = sentences.find((sentence) => {
    const normalized = normalizeForMatching(sentence);
    return patterns.some((pattern) => pattern.test(normalized));
  });
  return deciding ?? messages.at(-1) ?? "";
}

/** What staff read about an escalation: from the model's structured answer when it wrote one, else by rules. */
export function summarizeHandoff(input: SummaryInput): HandoffSummary {
  const modelLine = clipLine(input.answer?.escalation.summary ?? "", HANDOFF_SUMMARY_LIMITS.want);
  const want =
    modelLine || clipLine(customerWords(input.messages, input.hits), HANDOFF_SUMMARY_LIMITS.want);
  return {
    want,
    why: clipLine(input.escalation.reason, HANDOFF_SUMMARY_LIMITS.why),
    contacts: [...input.contacts.phoneNumbers, ...input.contacts.emails].slice(
      0,
      HANDOFF_SUMMARY_LIMITS.contacts,
    ),
    by: modelLine ? "model" : "rules",
    ...(input.escalation.cause ? { cause: input.escalation.cause } : {}),
  };
}
