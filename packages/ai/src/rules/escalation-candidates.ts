import type { HandoffCause } from "@agents-crm/config/handoff-summary";
import type { EscalationType } from "../prompt/output-contract";

export type EscalationSource = "model" | "rules" | "moderation" | "error" | "after_hours";

export interface EscalationCandidate {
  type: Exclude<EscalationType, "none">;
  reason: string;
  confidence: number;
  source: EscalationSource;
  /** What the reason says, for staff to read it in their language (rules that know it). */
  cause?: HandoffCause;
}

// Which escalation wins when several apply: the one whose handoff message matters most to the customer
// (an emergency notice beats "leave your phone", a received phone beats asking for one again).
const SEVERITY: Record<EscalationCandidate["type"], number> = {
  urgent: 7,
  moderation: 6,
  medical: 5,
  repeat_patient: 4,
  contact: 3,
  booking: 2,
  custom: 1,
};

/** The most severe candidate; on a tie the earlier one (callers list the model's first: its reason is specific). */
export function pickEscalation(
  candidates: readonly EscalationCandidate[],
): EscalationCandidate | null {
  let best: EscalationCandidate | null = null;
  for (const candidate of candidates) {
    if (!best || SEVERITY[candidate.type] > SEVERITY[best.type]) best = candidate;
  }
  return best;
}
