import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { ChatMessage } from "../providers/types";
import type { RetrievedSource } from "../rag/types";
import { block, escapeBlockText, oneLine, TAGS } from "./blocks";
import { ADMIN_LABEL, buildSystemPrompt } from "./system-prompt";

export interface PromptHistoryMessage {
  role: "user" | "agent" | "admin";
  content: string;
}

export interface TurnPromptInput {
  config: AgentConfig;
  history: readonly PromptHistoryMessage[];
  /** The new customer message(s); a burst holds several. */
  messages: readonly string[];
  /** Retrieved excerpts, or null when the knowledge base is not used for this agent. */
  knowledge: readonly RetrievedSource[] | null;
  /** `key: value` facts for <turn_context> (language, clinic time, rule signals). */
  context: Record<string, string>;
}

/** Excerpt ids the model cites in `sources_used`: S1, S2, … in retrieval order. */
export function excerptId(index: number): string {
  return `S${index + 1}`;
}

export function customerBlock(messages: readonly string[]): string {
  return block(TAGS.customer, messages.map((message) => escapeBlockText(message)).join("\n"));
}

function knowledgeBlock(knowledge: readonly RetrievedSource[]): string {
  if (knowledge.length === 0)
    return block(TAGS.knowledge, "(nothing in the clinic's knowledge matches this message)");
  const excerpts = knowledge.map((source, index) =>
    block(TAGS.excerpt, escapeBlockText(source.content.trim()), {
      id: excerptId(index),
      title: source.title,
    }),
  );
  return block(TAGS.knowledge, excerpts.join("\n"));
}

function contextBlock(context: Record<string, string>): string {
  const lines = Object.entries(context).map(
    ([key, value]) => `${key}: ${escapeBlockText(oneLine(value))}`,
  );
  return block(TAGS.context, lines.join("\n"));
}

/** The last N history turns, as given: the customer's in a data block, admins' labelled as colleagues. */
export function historyMessages(
  config: AgentConfig,
  history: readonly PromptHistoryMessage[],
): ChatMessage[] {
  const limit = config.llm.max_history_messages;
  const recent = limit === 0 ? [] : history.slice(-limit);
  return recent.map((message): ChatMessage => {
    switch (message.role) {
      case "user":
        return { role: "user", content: customerBlock([message.content]) };
      case "agent":
        return { role: "assistant", content: message.content };
      case "admin":
        return { role: "assistant", content: `${ADMIN_LABEL} ${message.content}` };
    }
  });
}

export function buildTurnMessages(input: TurnPromptInput): ChatMessage[] {
  const parts = [contextBlock(input.context)];
  if (input.knowledge !== null) parts.push(knowledgeBlock(input.knowledge));
  parts.push(customerBlock(input.messages));
  return [
    { role: "system", content: buildSystemPrompt(input.config) },
    ...historyMessages(input.config, input.history),
    { role: "user", content: parts.join("\n") },
  ];
}
