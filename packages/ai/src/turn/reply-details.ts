import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { ModelAnswer } from "../prompt/output-contract";
import { excerptId } from "../prompt/turn-messages";
import type { RetrievedSource } from "../rag/types";
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

/** After hours the reply carries the after-hours note, once: not again while it is still in recent replies. */
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
