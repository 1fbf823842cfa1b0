import { ESCALATION_TYPES, type ModelAnswer } from "../prompt/output-contract";
import { CONTEXT_KEYS } from "../turn/turn-context";
import { detectScriptLanguage, type TemplateLanguage } from "../rules/language";
import { keywordPattern } from "../rules/keyword-pattern";
import { normalizeForMatching } from "../rules/normalize";
import { pickEscalation, type EscalationCandidate } from "../rules/escalation-candidates";
import { answerFromKnowledge } from "./answer-parts";
import { INTENT_WORDS, PHRASES } from "./phrases";
import type { ReadPrompt } from "./read-prompt";
import { asksToBeSentSomething } from "./send-request";
import { contentStems } from "./tokens";

const patterns = Object.fromEntries(
  Object.entries(INTENT_WORDS).map(([intent, list]) => [
    intent,
    list.map((w) => keywordPattern(w)!),
  ]),
) as Record<keyof typeof INTENT_WORDS, RegExp[]>;

function mentions(text: string, intent: keyof typeof INTENT_WORDS): boolean {
  const normalized = normalizeForMatching(text);
  return patterns[intent].some((pattern) => pattern.test(normalized));
}

/** Whether the message is only a greeting / thanks: nothing else of substance in it. */
function only(text: string, intent: "greeting" | "thanks"): boolean {
  if (!mentions(text, intent)) return false;
  let rest = normalizeForMatching(text);
  for (const pattern of patterns[intent])
    rest = rest.replace(new RegExp(pattern.source, "gu"), " ");
  return contentStems(rest).size === 0;
}

function languageOf(prompt: ReadPrompt): TemplateLanguage {
  const declared = prompt.context[CONTEXT_KEYS.language]?.slice(0, 2);
  if (declared === "en" || declared === "ru" || declared === "ar") return declared;
  return detectScriptLanguage(prompt.customer) ?? "en";
}

// No summary or rendered handoff: offline, the turn's rules write the staff summary and the
// templates fall back to the product's text in the customer's language.
const escalate = (type: EscalationCandidate["type"], reason: string) => ({
  needed: true,
  type,
  reason,
  confidence: 0.9,
  summary: "",
  handoff_reply: "",
});
const SIGNAL_REASONS: Record<string, string> = {
  urgent: "Possible emergency",
  medical: "Medical question for a doctor",
  repeat_patient: "Returning patient",
  contact: "The customer shared contact details",
  booking: "The customer wants to book a visit",
};
const SIGNAL_TYPES = new Set<string>(ESCALATION_TYPES.filter((type) => type !== "none"));

/** The escalation types the turn's deterministic rules found (`rule_signals` in <turn_context>). */
function ruleSignals(prompt: ReadPrompt): EscalationCandidate[] {
  return (prompt.context[CONTEXT_KEYS.signals] ?? "")
    .split(",")
    .map((type) => type.trim())
    .filter((type): type is EscalationCandidate["type"] => SIGNAL_TYPES.has(type))
    .map((type) => ({
      type,
      reason: SIGNAL_REASONS[type] ?? "Needs a person",
      confidence: 0.9,
      source: "rules",
    }));
}

const NO_ESCALATION = {
  needed: false,
  type: "none" as const,
  reason: "",
  confidence: 0.8,
  summary: "",
  handoff_reply: "",
};

/**
 * The offline model: greets, answers each question from the best-matching excerpts' most relevant
 * sentences (quoted as written, so it says nothing the knowledge does not), asks
 * for a phone number on booking intent, says honestly when it does not know (offering a human), and
 * escalates on the turn's rule signals or an explicit request for a person.
 */
export function offlineAnswer(prompt: ReadPrompt): ModelAnswer {
  return { attach_document_ids: [], ...answerOf(prompt) };
}

function answerOf(prompt: ReadPrompt): ModelAnswer | Omit<ModelAnswer, "attach_document_ids"> {
  const language = languageOf(prompt);
  const say = PHRASES[language];
  const names = { doctor: prompt.doctor || prompt.clinic, clinic: prompt.clinic || prompt.doctor };
  const text = prompt.customer;
  const signals = ruleSignals(prompt);
  const signalled = pickEscalation(signals.filter((s) => s.type !== "booking"));
  if (signalled)
    return {
      reply: say.handingOver,
      // No reason of its own: the turn's rules that raised the signal say why (decideEscalation).
      escalation: escalate(signalled.type, ""),
      sources_used: [],
    };

  const offered = [say.unknown, say.partlyUnknown].some(
    (offer) => prompt.previousReply?.includes(offer) === true,
  );
  const acceptsOffer = offered && mentions(text, "yes");
  if (mentions(text, "human") || acceptsOffer) {
    return {
      reply: say.handingOver,
      escalation: escalate("custom", "The customer asked for a person"),
      sources_used: [],
    };
  }
  if (signals.length > 0 || mentions(text, "booking")) {
    return {
      reply: say.askPhone,
      escalation: escalate("booking", "The customer wants to book a visit"),
      sources_used: [],
    };
  }
  if (only(text, "greeting"))
    return { reply: say.greeting(names), escalation: NO_ESCALATION, sources_used: [] };
  if (only(text, "thanks"))
    return { reply: say.thanks, escalation: NO_ESCALATION, sources_used: [] };

  // Offline, a document goes out only when the best-matching excerpt is a sendable one and the customer
  // asks to be sent something: never on a question that merely mentions it.
  const best = prompt.excerpts[0];
  if (best?.sendableDocument && asksToBeSentSomething(text)) {
    return {
      reply: say.sending(best.title),
      escalation: NO_ESCALATION,
      sources_used: [best.id],
      attach_document_ids: [best.sendableDocument],
    };
  }

  const found = answerFromKnowledge(text, prompt.excerpts);
  if (!found) return { reply: say.unknown, escalation: NO_ESCALATION, sources_used: [] };
  const reply = [
    mentions(text, "greeting") ? say.hello : "",
    ...found.sentences,
    found.missed ? say.partlyUnknown : say.more,
  ]
    .filter(Boolean)
    .join(" ");
  return { reply, escalation: NO_ESCALATION, sources_used: found.excerptIds };
}
