import type { AgentConfig } from "@agents-crm/config/agent-config";
import { clipLine, HANDOFF_SUMMARY_LIMITS } from "@agents-crm/config/handoff-summary";
import type { ModelAnswer } from "../prompt/output-contract";
import { pickEscalation, type EscalationCandidate } from "../rules/escalation-candidates";
import { SAFETY_NET_REASON } from "../rules/evaluate-rules";
import type { TurnEscalation } from "./types";

export interface EscalationInputs {
  config: AgentConfig;
  open: boolean;
  answer: ModelAnswer | null;
  /** Why the model gave no usable answer (error kind or malformed), null when it did. */
  failure: string | null;
  ruleCandidates: readonly EscalationCandidate[];
}

/**
 * The model's escalation takes effect, and so does every rule: the most severe one wins (on a tie
 * the model's, whose reason is specific). After hours a booking either hands over at once
 * (force_handoff_on_booking) or is left to the AI, which takes a number for a call back.
 */
export function decideEscalation(input: EscalationInputs): EscalationCandidate | null {
  const candidates: EscalationCandidate[] = [];
  const declared = input.answer?.escalation;
  // A model that gives no reason (the offline model echoing the rules' signals) leaves the rules of
  // that type to say why: their reason names its cause, which staff read in their own language.
  const saidNothing =
    !declared?.reason && input.ruleCandidates.some((rule) => rule.type === declared?.type);
  if (declared?.needed && declared.type !== "none" && !saidNothing) {
    candidates.push({
      type: declared.type,
      reason: declared.reason || `The model escalated (${declared.type})`,
      confidence: declared.confidence,
      source: "model",
    });
  }
  candidates.push(...input.ruleCandidates);
  if (input.failure !== null) {
    candidates.push({
      type: "custom",
      reason: `The model could not answer (${input.failure})`,
      confidence: 1,
      source: "error",
    });
  }
  const afterHours = input.config.working_hours.after_hours_behavior;
  const adjusted = input.open
    ? candidates
    : candidates.flatMap((candidate): EscalationCandidate[] => {
        if (candidate.type !== "booking") return [candidate];
        return afterHours.force_handoff_on_booking ? [{ ...candidate, source: "after_hours" }] : [];
      });
  return withAgreeingRules(pickEscalation(adjusted), adjusted);
}

// When the model and the safety net agree on the type, the model's reason leads and the net's words
// follow, so a hand-over still names what decided it ("…; Safety net: medication ("ibuprofen")").
function withAgreeingRules(
  chosen: EscalationCandidate | null,
  candidates: readonly EscalationCandidate[],
): EscalationCandidate | null {
  if (!chosen || chosen.source !== "model") return chosen;
  const agreeing = candidates.filter(
    (candidate) =>
      candidate.source === "rules" &&
      candidate.type === chosen.type &&
      candidate.reason.startsWith(SAFETY_NET_REASON),
  );
  if (agreeing.length === 0) return chosen;
  // The net's cause, led by the model's reason as written, so staff read the net's part in their words.
  const cause = agreeing[0]?.cause;
  return {
    ...chosen,
    reason: [chosen.reason, ...agreeing.map((c) => c.reason)].join("; "),
    ...(cause
      ? { cause: { ...cause, lead: clipLine(chosen.reason, HANDOFF_SUMMARY_LIMITS.why) } }
      : {}),
  };
}

/** The decision without its staff summary, which the turn adds once it knows the messages and contacts. */
export type EscalationDecision = Omit<TurnEscalation, "summary">;

export function toTurnEscalation(
  chosen: EscalationCandidate | null,
  answer: ModelAnswer | null,
): EscalationDecision {
  if (!chosen) {
    return {
      needed: false,
      type: "none",
      reason: "",
      confidence: answer?.escalation.confidence ?? 0,
      source: "model",
    };
  }
  return {
    needed: true,
    type: chosen.type,
    reason: chosen.reason,
    confidence: chosen.confidence,
    source: chosen.source,
    ...(chosen.cause ? { cause: chosen.cause } : {}),
  };
}
