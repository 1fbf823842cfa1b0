// Public API of @agents-crm/ai. Each area adds its own export lines below its heading.

// providers
export type * from "./providers/types";
export { LlmError, type LlmErrorKind } from "./providers/errors";
export {
  clearProviderProblems,
  providerProblems,
  type ProviderProblem,
  type ProviderProblemKind,
} from "./providers/provider-problems";
export {
  createLlmProviders,
  OFFLINE_LABEL,
  type LlmProvidersOptions,
} from "./providers/create-llm-providers";
export { createLlmProvidersFromEnv } from "./providers/llm-providers-from-env";
export {
  createOpenAIChatProvider,
  DEFAULT_CHAT_MODEL,
  type OpenAIChatOptions,
} from "./providers/openai-chat";
export {
  createOpenAIEmbedder,
  DEFAULT_EMBEDDING_MODEL,
  type OpenAIEmbedderOptions,
} from "./providers/openai-embedder";
export {
  createOpenAIModerator,
  DEFAULT_MODERATION_MODEL,
  type OpenAIModeratorOptions,
} from "./providers/openai-moderator";
export {
  createOpenAITranscriber,
  type OpenAITranscriberOptions,
  type Transcriber,
} from "./providers/openai-transcriber";
export type { OpenAIConnectionOptions } from "./providers/openai-connection";
export { resolveOpenAIKey, type ResolveOpenAIKeyOptions } from "./providers/resolve-openai-key";
export { estimateCostUsd, MODEL_PRICES, priceOf, type ModelPrice } from "./providers/pricing";
export { createOfflineModerator } from "./offline/moderator";

// contacts
export { extractContacts, type ExtractContactsOptions } from "./contacts/extract-contacts";
export { extractCustomerName, isPlausibleName } from "./contacts/extract-name";
export { extractedContactsSchema, type ExtractedContacts } from "./contacts/schema";
export { searchPhoneReader } from "./contacts/search-phones";

// rag
export {
  createHashedEmbedder,
  DEFAULT_HASHED_DIMENSIONS,
  HASHED_EMBEDDING_MODEL,
  type HashedEmbedderOptions,
} from "./rag/hashed-embedder";
export { chunkText, chunkingOptionsSchema, type ChunkingOptions } from "./rag/chunk";
export {
  DEFAULT_MAX_DOCUMENT_BYTES,
  extractDocumentText,
  type DocumentInput,
  type ExtractedDocument,
  type ExtractOptions,
} from "./rag/extract-text";
export { DocumentExtractionError, type ExtractionErrorCode } from "./rag/extraction-error";
export { createKnowledgeBase, type KnowledgeBaseDeps } from "./rag/knowledge-base";
export type { ChunkStore } from "./rag/chunk-store";
export type {
  IndexDocumentOptions,
  IndexDocumentResult,
  LibraryDocumentInput,
} from "./rag/index-document";
export { libraryDocumentText, type LibraryFile } from "./rag/library-text";
export { docxText } from "./rag/docx-text";
export {
  knowledgeSourceSchema,
  knowledgeSourcesSchema,
  type IndexResult,
  type KnowledgeBase,
  type KnowledgeSource,
  type RetrievedSource,
  type RetrieveInput,
  type RetrieveResult,
} from "./rag/types";

// agent turn
export { runTurn } from "./turn/run-turn";
export { streamTurn } from "./turn/stream-turn";
export { prepareTurn, type PreparedTurn } from "./turn/prepare-turn";
export type * from "./turn/types";
export {
  afterHoursText,
  agentTemplateText,
  escalationText,
  llmErrorText,
  templateForLanguage,
  templateText,
  unreadableMessageText,
} from "./turn/templates";
export { buildSystemPrompt } from "./prompt/system-prompt";
export {
  buildTurnMessages,
  type PromptHistoryMessage,
  type TurnPromptInput,
} from "./prompt/turn-messages";
export { fillPlaceholders, profilePlaceholders } from "./prompt/safe-format";
export {
  ESCALATION_TYPES,
  MODEL_ANSWER_FORMAT,
  modelAnswerSchema,
  type EscalationType,
  type ModelAnswer,
} from "./prompt/output-contract";
export { stripMarkdown } from "./postprocess/strip-markdown";
export { CHANNEL_LIMITS, splitForChannel } from "./postprocess/split-for-channel";
export { clinicClock, isWithinWorkingHours, type ClinicClock } from "./rules/working-hours";
export { matchTriggers, type TriggerHit } from "./rules/triggers";
export { evaluateRules, type RulesVerdict } from "./rules/evaluate-rules";
export { runSafetyNet, type SafetyNetHit } from "./rules/safety-net/safety-net";
export type { EscalationSource } from "./rules/escalation-candidates";
export {
  detectCustomerLanguage,
  detectScriptLanguage,
  type TemplateLanguage,
} from "./rules/language";
export { createOfflineChatProvider } from "./offline/chat-provider";

// knowledge gaps
export { asksSomething, gapGroupId, topicWords } from "./knowledge-gaps/gap-question";
export { mostSimilar, SIMILAR_QUESTION } from "./knowledge-gaps/similar-question";
export { knowledgeGapReason } from "./knowledge-gaps/gap-reason";
// staff copilot
export {
  suggestReply,
  type SuggestReplyEvent,
  type SuggestReplyInput,
} from "./copilot/suggest-reply";
export { buildSuggestMessages, type CopilotMessage } from "./copilot/suggest-prompt";
export {
  buildTranslateMessages,
  normalizeLanguageTag,
  translateText,
  type TranslateInput,
  type Translation,
} from "./copilot/translate";
