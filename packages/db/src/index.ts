export * from "./client";
export * from "./provision";
export * from "./migrate";
export * from "./lib";
export * from "./repositories";
export { TABLE_DEFINITIONS, tableDefinition } from "./tables/definitions";
export type {
  AttributeType,
  IndexDefinition,
  KeyDefinition,
  TableDefinition,
} from "./tables/definitions";
export * from "./schemas/agent";
export * from "./schemas/conversation";
export * from "./schemas/message";
export * from "./schemas/audit-entry";
export * from "./schemas/rag-chunk";
export * from "./schemas/knowledge-gap";
export type { KnowledgeGapsRepository } from "./repositories/knowledge-gaps";
export * from "./schemas/canned-response";
export * from "./schemas/contact";
export type { ContactsRepository } from "./repositories/contacts";
export type { MergeRecord } from "./repositories/contact-merges";
export type { ListContactsOptions } from "./repositories/contact-reads";
export type {
  ContactStorePatch,
  EnsureContactInput,
  EnsureContactResult,
  UpdateContactOptions,
} from "./repositories/contact-writes";
export type { CannedResponsesRepository } from "./repositories/canned-responses";
export type { ListCannedOptions } from "./repositories/canned-response-reads";
export type { CreateCannedInput, UpdateCannedInput } from "./repositories/canned-response-writes";
export type { AgentsRepository, ListAgentsOptions } from "./repositories/agents";
export type {
  ConversationsRepository,
  ListConversationsOptions,
  MutateOptions,
} from "./repositories/conversations";
export type { FindOrCreateInput, FindOrCreateResult } from "./repositories/conversation-lookup";
export type {
  MessagesRepository,
  MessagePageOptions,
  DeliveryUpdate,
} from "./repositories/messages";
export type { AuditRepository, ListAuditOptions } from "./repositories/audit";
export type { RagChunksRepository } from "./repositories/rag-chunks";
export { chunkDocumentId } from "./repositories/rag-chunks";
export type {
  ConversationFacts,
  StatsMessage,
  StatsReadsRepository,
} from "./repositories/stats-reads";
export * from "./edge";
export * from "./search";
export type {
  IndexableContact,
  SearchIndexRepository,
  SearchOptions,
} from "./repositories/search-index";
export { CANDIDATES_PER_TERM } from "./repositories/search-index";
