import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { EscalationType, ModelAnswer } from "../prompt/output-contract";
import { excerptId } from "../prompt/turn-messages";
import type { RetrievedSource } from "../rag/types";
import type { EscalationCandidate } from "../rules/escalation-candidates";
import type { TemplateLanguage } from "../rules/language";
import { afterHoursText } from "./templates";
import type { HistoryMessage } from "./types";

/** The excerpts the model cited (by their S-ids), else everything that was retrieved. */
export function usedSources(
  answer: ModelAnswer | null,
  retrieved: readonly RetrievedSource[],
): RetrievedSource[] {
  const cited = (answer?.sources_used ?? []).flatMap((id) => {
    const index = retrieved.findIndex((_, i) => excerptId(i) === id.trim());
    return index >= 0 ? [retrieved[index]!] : [];
  });
  return cited.length > 0 ? [...new Set(cited)] : [...retrieved];
}

const RECENT_AGENT_TURNS = 6;

/**
 * After hours the "we are closed" note goes only under a handoff, where it tells the customer when the
 * person they were promised will answer. Not under an urgent handoff: that text sends the customer to
 * emergency services and says the team is being alerted now (staff are alerted whatever the hour), and
 * "we are closed" under it would read as "nobody is coming".
 */
export function handoffWantsAfterHoursNote(open: boolean, type: EscalationType): boolean {
  return !open && type !== "urgent";
}

/**
 * An answer that is not a handoff carries the note only when it takes a booking for a call back (a
 * booking after hours left to the AI): a person is promised there too. Informational answers never do.
 */
export function answerWantsAfterHoursNote(
  open: boolean,
  ruleCandidates: readonly EscalationCandidate[],
  answer: ModelAnswer | null,
): boolean {
  if (open) return false;
  const declared = answer?.escalation;
  return (
    ruleCandidates.some((candidate) => candidate.type === "booking") ||
    (declared?.needed === true && declared.type === "booking")
  );
}

/** The after-hours note under a reply, once: not again while it is still in recent replies. */
export function withAfterHoursNote(
  config: AgentConfig,
  text: string,
  language: TemplateLanguage,
  history: readonly HistoryMessage[],
): string {
  const note = afterHoursText(config, language);
  const recent = history.filter((message) => message.role === "agent").slice(-RECENT_AGENT_TURNS);
  if (text.includes(note) || recent.some((message) => message.content.includes(note))) return text;
  return text === "" ? note : `${text}\n\n${note}`;
}
