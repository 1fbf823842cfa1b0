import type { CompletionUsage } from "openai/resources/completions";
import type { ChatMessage, TokenUsage } from "./types";

export const ZERO_USAGE: TokenUsage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };

export function fromApiUsage(usage: CompletionUsage): TokenUsage {
  const promptTokens = usage.prompt_tokens ?? 0;
  const completionTokens = usage.completion_tokens ?? 0;
  // https://platform.openai.com/docs/api-reference/chat/object#chat/object-usage
  const cached = usage.prompt_tokens_details?.cached_tokens ?? 0;
  return {
    promptTokens,
    completionTokens,
    totalTokens: usage.total_tokens ?? promptTokens + completionTokens,
    ...(cached > 0 ? { cachedTokens: Math.min(cached, promptTokens) } : {}),
  };
}

/** About 4 characters per token: only for servers that report no usage; metrics say `estimated`. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function estimateChatUsage(messages: ChatMessage[], completion: string): TokenUsage {
  const promptTokens = messages.reduce((sum, m) => sum + estimateTokens(m.content), 0);
  const completionTokens = estimateTokens(completion);
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
}
