import { createOfflineChatProvider } from "../offline/chat-provider";
import { createOfflineModerator } from "../offline/moderator";
import { createHashedEmbedder } from "../rag/hashed-embedder";
import { DEFAULT_CHAT_MODEL, createOpenAIChatProvider } from "./openai-chat";
import {
  hostOf,
  isOpenAIHost,
  OPENAI_BASE_URL,
  type OpenAIConnectionOptions,
} from "./openai-connection";
import { createOpenAIEmbedder } from "./openai-embedder";
import { createOpenAIModerator } from "./openai-moderator";
import { createOpenAITranscriber } from "./openai-transcriber";
import type { LlmLogger, LlmProviders } from "./types";

export interface LlmProvidersOptions {
  /** From `resolveOpenAIKey`; null/empty means offline unless `baseURL` names a compatible server. */
  apiKey?: string | null;
  /** OPENAI_BASE_URL: any OpenAI-compatible server (including `/v1`). */
  baseURL?: string;
  organization?: string;
  defaultChatModel?: string;
  embeddingModel?: string;
  embeddingDimensions?: number;
  embeddingBatchSize?: number;
  moderationModel?: string;
  /** TRANSCRIPTION_MODEL: voice notes are transcribed only when set (and the server is online). */
  transcriptionModel?: string;
  timeoutMs?: number;
  /** Retries after the first attempt (default 2, i.e. 3 attempts). */
  maxRetries?: number;
  retryBaseDelayMs?: number;
  logger?: LlmLogger;
}

export const OFFLINE_LABEL = "Offline demo model (no LLM configured)";

/**
 * OpenAI (or a compatible server) when configured, else the deterministic offline providers.
 * Self-hosted servers (Ollama, vLLM, LM Studio) usually need no key: a non-OpenAI `baseURL` alone
 * is enough to go online.
 */
export function createLlmProviders(options: LlmProvidersOptions): LlmProviders {
  const baseURL = options.baseURL?.trim() || OPENAI_BASE_URL;
  const openAI = isOpenAIHost(baseURL);
  const apiKey = options.apiKey?.trim() || (openAI ? null : "not-needed");
  if (!apiKey) {
    return {
      label: OFFLINE_LABEL,
      offline: true,
      chat: createOfflineChatProvider(),
      embedder: createHashedEmbedder(),
      moderator: createOfflineModerator(),
    };
  }
  const connection: OpenAIConnectionOptions = {
    apiKey,
    baseURL,
    organization: options.organization,
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries,
    retryBaseDelayMs: options.retryBaseDelayMs,
    logger: options.logger,
  };
  const chatModel = options.defaultChatModel ?? DEFAULT_CHAT_MODEL;
  return {
    label: openAI ? `OpenAI · ${chatModel}` : `OpenAI-compatible · ${hostOf(baseURL)}`,
    offline: false,
    chat: createOpenAIChatProvider({ ...connection, defaultModel: chatModel }),
    embedder: createOpenAIEmbedder({
      ...connection,
      model: options.embeddingModel,
      dimensions: options.embeddingDimensions,
      batchSize: options.embeddingBatchSize,
    }),
    moderator: createOpenAIModerator({ ...connection, model: options.moderationModel }),
    ...(options.transcriptionModel?.trim()
      ? {
          transcriber: createOpenAITranscriber({
            ...connection,
            model: options.transcriptionModel.trim(),
          }),
        }
      : {}),
  };
}
