import { z } from "zod";

/**
 * Physical table names. The first nine are the reference product's tables and env var names, so this
 * project can run on an existing deployment's tables; the rest are what this project adds.
 */
export const TABLE_ENV_DEFAULTS = {
  DYNAMODB_TABLE_AGENTS: "doctor-agent-agents",
  DYNAMODB_TABLE_CONVERSATIONS: "doctor-agent-conversations",
  DYNAMODB_TABLE_MESSAGES: "doctor-agent-messages",
  DYNAMODB_TABLE_AUDIT_LOGS: "doctor-agent-audit-logs",
  DYNAMODB_TABLE_CHANNEL_BINDINGS: "doctor-agent-channel-bindings",
  DYNAMODB_TABLE_INSTAGRAM_PROFILES: "doctor-agent-instagram-profiles",
  DYNAMODB_TABLE_NOTIFICATION_CONFIGS: "doctor-agent-notification-configs",
  DYNAMODB_TABLE_RAG_DOCUMENTS: "doctor-agent-rag-documents",
  DYNAMODB_TABLE_SESSIONS: "doctor-agent-sessions",
  DYNAMODB_TABLE_ADMIN_USERS: "doctor-agent-admin-users",
  DYNAMODB_TABLE_INBOUND_EVENTS: "doctor-agent-inbound-events",
  DYNAMODB_TABLE_SECRETS: "doctor-agent-secrets",
  DYNAMODB_TABLE_SETTINGS: "doctor-agent-settings",
  DYNAMODB_TABLE_EVENTS: "doctor-agent-events",
  DYNAMODB_TABLE_KNOWLEDGE_GAPS: "doctor-agent-knowledge-gaps",
  DYNAMODB_TABLE_CANNED_RESPONSES: "doctor-agent-canned-responses",
  DYNAMODB_TABLE_SEARCH_INDEX: "doctor-agent-search-index",
  DYNAMODB_TABLE_CONTACTS: "doctor-agent-contacts",
  DYNAMODB_TABLE_CONTACT_KEYS: "doctor-agent-contact-keys",
  DYNAMODB_TABLE_KNOWLEDGE_DOCUMENTS: "doctor-agent-knowledge-documents",
  DYNAMODB_TABLE_FILES: "doctor-agent-files",
  DYNAMODB_TABLE_LEASES: "doctor-agent-leases",
} as const;

export type TableEnvName = keyof typeof TABLE_ENV_DEFAULTS;

const tableName = z
  .string()
  .regex(/^[a-zA-Z0-9_.-]{3,255}$/, "must be 3-255 characters of letters, digits, '_', '-' or '.'");

export const tableEnvSchema = z.object(
  Object.fromEntries(
    Object.entries(TABLE_ENV_DEFAULTS).map(([name, value]) => [name, tableName.default(value)]),
  ) as { [K in TableEnvName]: z.ZodDefault<typeof tableName> },
);

export interface TableNames {
  agents: string;
  conversations: string;
  messages: string;
  auditLogs: string;
  channelBindings: string;
  instagramProfiles: string;
  notificationConfigs: string;
  ragDocuments: string;
  sessions: string;
  adminUsers: string;
  inboundEvents: string;
  secrets: string;
  settings: string;
  events: string;
  knowledgeGaps: string;
  cannedResponses: string;
  searchIndex: string;
  contacts: string;
  contactKeys: string;
  knowledgeDocuments: string;
  files: string;
  /** Cluster leases: which replica runs each periodic background job. */
  leases: string;
}

export function tableNamesFrom(env: Record<TableEnvName, string>): TableNames {
  return {
    agents: env.DYNAMODB_TABLE_AGENTS,
    conversations: env.DYNAMODB_TABLE_CONVERSATIONS,
    messages: env.DYNAMODB_TABLE_MESSAGES,
    auditLogs: env.DYNAMODB_TABLE_AUDIT_LOGS,
    channelBindings: env.DYNAMODB_TABLE_CHANNEL_BINDINGS,
    instagramProfiles: env.DYNAMODB_TABLE_INSTAGRAM_PROFILES,
    notificationConfigs: env.DYNAMODB_TABLE_NOTIFICATION_CONFIGS,
    ragDocuments: env.DYNAMODB_TABLE_RAG_DOCUMENTS,
    sessions: env.DYNAMODB_TABLE_SESSIONS,
    adminUsers: env.DYNAMODB_TABLE_ADMIN_USERS,
    inboundEvents: env.DYNAMODB_TABLE_INBOUND_EVENTS,
    secrets: env.DYNAMODB_TABLE_SECRETS,
    settings: env.DYNAMODB_TABLE_SETTINGS,
    events: env.DYNAMODB_TABLE_EVENTS,
    knowledgeGaps: env.DYNAMODB_TABLE_KNOWLEDGE_GAPS,
    cannedResponses: env.DYNAMODB_TABLE_CANNED_RESPONSES,
    searchIndex: env.DYNAMODB_TABLE_SEARCH_INDEX,
    contacts: env.DYNAMODB_TABLE_CONTACTS,
    contactKeys: env.DYNAMODB_TABLE_CONTACT_KEYS,
    knowledgeDocuments: env.DYNAMODB_TABLE_KNOWLEDGE_DOCUMENTS,
    files: env.DYNAMODB_TABLE_FILES,
    leases: env.DYNAMODB_TABLE_LEASES,
  };
}

/** Default names, for tests and scripts that do not read the environment. */
export const DEFAULT_TABLE_NAMES: TableNames = tableNamesFrom(TABLE_ENV_DEFAULTS);
