import type { AgentConfig } from "@agents-crm/config/agent-config";
import type { ChatMessage } from "../providers/types";
import type { RetrievedSource } from "../rag/types";
import { block, escapeBlockText, TAGS } from "./blocks";
import { contextBlock, knowledgeBlock } from "./data-blocks";
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
  /** The new messages' photos (data URLs), for a vision-capable model. */
  images?: readonly string[];
}

export { excerptId } from "./data-blocks";

const NO_MATCHING_KNOWLEDGE = "(nothing in the clinic's knowledge matches this message)";

export function customerBlock(messages: readonly string[]): string {
  return block(TAGS.customer, messages.map((message) => escapeBlockText(message)).join("\n"));
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
  if (input.knowledge !== null) parts.push(knowledgeBlock(input.knowledge, NO_MATCHING_KNOWLEDGE));
  parts.push(customerBlock(input.messages));
  return [
    { role: "system", content: buildSystemPrompt(input.config) },
    ...historyMessages(input.config, input.history),
    {
      role: "user",
      content: parts.join("\n"),
      ...(input.images?.length ? { images: input.images } : {}),
    },
  ];
}
