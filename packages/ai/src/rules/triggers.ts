import type { AgentConfig, SafetyNetCategory } from "@agents-crm/config/agent-config";
import type { EscalationType } from "../prompt/output-contract";
import { triggerLists } from "../prompt/escalation-section";
import { keywordPattern } from "./keyword-pattern";
import { normalizeForMatching } from "./normalize";

export interface TriggerHit {
  /** The trigger list, or "safety_net" for the built-in net. */
  list: string;
  /** The keyword; for the safety net, its deciding words joined by commas. */
  keyword: string;
  type: EscalationType;
  /** Safety-net hits only: the category and the message's words that decided it. */
  category?: SafetyNetCategory;
  words?: string[];
}

const LIST_TYPES: Record<string, EscalationType> = {
  urgent_keywords: "urgent",
  medical_question_keywords: "medical",
  repeat_patient_keywords: "repeat_patient",
  booking_keywords: "booking",
};

interface CompiledTrigger extends TriggerHit {
  pattern: RegExp;
}

// Compiled once per config object; configs are immutable values once parsed.
const compiledByConfig = new WeakMap<AgentConfig, CompiledTrigger[]>();

function compile(config: AgentConfig): CompiledTrigger[] {
  const cached = compiledByConfig.get(config);
  if (cached) return cached;
  const compiled: CompiledTrigger[] = [];
  for (const [list, keywords] of triggerLists(config)) {
    const type = LIST_TYPES[list] ?? "custom";
    for (const keyword of keywords) {
      const pattern = keywordPattern(keyword);
      if (pattern) compiled.push({ list, keyword, type, pattern });
    }
  }
  compiledByConfig.set(config, compiled);
  return compiled;
}

/** Every keyword of `escalation.triggers` found in the text (one hit per keyword). */
export function matchTriggers(config: AgentConfig, text: string): TriggerHit[] {
  const normalized = normalizeForMatching(text);
  return compile(config)
    .filter((trigger) => trigger.pattern.test(normalized))
    .map(({ list, keyword, type }) => ({ list, keyword, type }));
}
