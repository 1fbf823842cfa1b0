import type { AgentConfig } from "@agents-crm/config/agent-config";
import { offlineAnswer } from "../offline/offline-answer";
import { PHRASES } from "../offline/phrases";
import { excerptId } from "../prompt/turn-messages";
import type { RetrievedSource } from "../rag/types";
import type { TemplateLanguage } from "../rules/language";
import { CONTEXT_KEYS } from "../turn/turn-context";

/** What a person from the clinic says when the offline model cannot answer: they will find out. */
const WILL_CHECK: Record<TemplateLanguage, string> = {
  en: "Thank you for your message. Let me check this for you, and I'll get back to you shortly.",
  ru: "Спасибо за ваше сообщение. Я уточню этот вопрос и скоро вернусь с ответом.",
  ar: "شكرًا على رسالتك. سأتحقق من ذلك وأعود إليك قريبًا.",
};

export interface OfflineDraft {
  text: string;
  /** The excerpts the draft quotes. */
  sources: RetrievedSource[];
}

/**
 * A draft from the offline model: its answer from the knowledge base when it has one, else a person's
 * "let me check" — never the agent's "I'm passing this to a colleague", since the colleague is the reader.
 */
export function offlineDraft(input: {
  config: AgentConfig;
  language: TemplateLanguage;
  pending: readonly string[];
  previousReply: string | null;
  sources: readonly RetrievedSource[];
}): OfflineDraft {
  const { profile } = input.config;
  const answer = offlineAnswer({
    doctor: profile.doctor_display_name,
    clinic: profile.clinic_display_name,
    context: { [CONTEXT_KEYS.language]: input.language },
    excerpts: input.sources.map((source, index) => ({
      id: excerptId(index),
      title: source.title,
      content: source.content,
    })),
    customer: input.pending.join("\n"),
    previousReply: input.previousReply,
  });
  const used = input.sources.filter((_, index) => answer.sources_used.includes(excerptId(index)));
  const handsOver = answer.escalation.needed && answer.escalation.type !== "booking";
  const unknown = answer.reply === PHRASES[input.language].unknown;
  if (handsOver || unknown) {
    return { text: WILL_CHECK[input.language], sources: [] };
  }
  return { text: answer.reply, sources: used };
}
