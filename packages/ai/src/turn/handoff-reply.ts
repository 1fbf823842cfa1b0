import {
  escalationTemplateId,
  type AgentConfig,
  type EscalationTemplateType,
} from "@agents-crm/config/agent-config";
import { stripMarkdown } from "../postprocess/strip-markdown";
import type { ModelAnswer } from "../prompt/output-contract";
import { fillPlaceholders, profilePlaceholders } from "../prompt/safe-format";
import { pickEscalation, type EscalationCandidate } from "../rules/escalation-candidates";
import { detectScriptLanguage, type TemplateLanguage } from "../rules/language";
import { writtenForLanguage, writtenInAnyLanguage } from "./template-language";
import { escalationText } from "./templates";

/** Types the model may declare (moderation is decided by the moderation calls, never by the model). */
const MODEL_TYPES: EscalationTemplateType[] = [
  "urgent",
  "medical",
  "booking",
  "repeat_patient",
  "contact",
  "custom",
];
const MAX_CHARS = 1000;

/** The agent's own handoff text for a type when it wrote none in the customer's language, else null. */
export function foreignTemplate(
  config: AgentConfig,
  type: EscalationTemplateType,
  language: TemplateLanguage,
): string | null {
  const written = config.prompts.templates[escalationTemplateId(config, type)];
  if (written === undefined || writtenForLanguage(config, written, language) !== null) return null;
  const text = writtenInAnyLanguage(written, config.profile.languages);
  return text === null ? null : fillPlaceholders(text, profilePlaceholders(config));
}

/**
 * The handoff templates the model is asked to render in the customer's language, grouped by template:
 * when the rules already hand over, only the template of their choice; otherwise those of every type
 * the model may declare. Empty when the agent wrote them in the customer's language (or not at all).
 */
export function handoffOffer(
  config: AgentConfig,
  language: TemplateLanguage,
  ruleCandidates: readonly EscalationCandidate[],
): { types: EscalationTemplateType[]; text: string }[] {
  const ruled = pickEscalation(ruleCandidates);
  const byTemplate = new Map<string, { types: EscalationTemplateType[]; text: string }>();
  for (const type of ruled ? [ruled.type] : MODEL_TYPES) {
    const text = foreignTemplate(config, type, language);
    if (text === null) continue;
    const id = escalationTemplateId(config, type);
    const entry = byTemplate.get(id) ?? { types: [], text };
    entry.types.push(type);
    byTemplate.set(id, entry);
  }
  return [...byTemplate.values()];
}

/** The `handoff_templates` line of <turn_context>, or null when there is nothing to render. */
export function handoffOfferContext(offer: ReturnType<typeof handoffOffer>): string | null {
  if (offer.length === 0) return null;
  return offer
    .map((entry) => `${entry.types.join(", ")}: ${JSON.stringify(entry.text)}`)
    .join("; ");
}

/**
 * The model's rendering of the handoff template, when it rendered the template that applies to the
 * escalation finally chosen (the rules or moderation may choose another type than the model declared)
 * and wrote it in the customer's language.
 */
function renderedHandoff(
  config: AgentConfig,
  language: TemplateLanguage,
  ruleCandidates: readonly EscalationCandidate[],
  chosen: EscalationTemplateType,
  answer: ModelAnswer | null,
): string | null {
  const rendered = stripMarkdown(answer?.escalation.handoff_reply ?? "").trim();
  if (!answer || rendered === "" || rendered.length > MAX_CHARS) return null;
  const offer = handoffOffer(config, language, ruleCandidates);
  const declared = answer.escalation.type;
  const entry =
    offer.find((candidate) => candidate.types.some((type) => type === declared)) ??
    (offer.length === 1 ? offer[0] : undefined);
  const renderedType = entry?.types[0];
  if (renderedType === undefined) return null;
  if (escalationTemplateId(config, renderedType) !== escalationTemplateId(config, chosen))
    return null;
  return detectScriptLanguage(rendered) === language ? rendered : null;
}

/** What the customer receives on a hand-over: the agent's template, in their language when possible. */
export function handoffText(
  config: AgentConfig,
  language: TemplateLanguage,
  ruleCandidates: readonly EscalationCandidate[],
  chosen: EscalationTemplateType,
  answer: ModelAnswer | null,
): string {
  return (
    renderedHandoff(config, language, ruleCandidates, chosen, answer) ??
    escalationText(config, chosen, language)
  );
}
