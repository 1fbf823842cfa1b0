// The agent document: schema, parsing, warnings, merging and typed accessors (one import for callers).
export {
  agentConfigSchema,
  formatIssuePath,
  MODEL_DEFAULTS,
  type AgentConfig,
  type AgentConfigInput,
  type ConfigIssue,
} from "./agent-config-schema";
export { parseAgentConfig, type ParseAgentConfigResult } from "./agent-config-parse";
export { configWarnings, type ConfigWarning, type DeploymentModels } from "./agent-config-warnings";
export { deepMergeAgentConfig, mergeDocuments } from "./agent-config-merge";
export { parseAgentConfigText } from "./agent-config-text";
export {
  burstWindowMs,
  embeddingSettings,
  escalationActions,
  escalationTemplateId,
  knowledgeSources,
  onUnreadableMessage,
  readsPhotos,
  stopAiAfterHandoff,
  type EscalationAction,
} from "./agent-config-accessors";
export {
  ACTION_EVENTS,
  ESCALATION_TEMPLATE_IDS,
  FALLBACK_TEMPLATE_IDS,
  KNOWN_TEMPLATE_IDS,
  type EscalationTemplateType,
} from "./agent-config-templates";
export {
  AGENT_ID_PATTERN,
  MAX_AGENT_ID,
  isValidTimeZone,
  parseTimeRange,
  weekdayOf,
  WEEKDAYS,
  type Weekday,
} from "./agent-config-fields";
export {
  MAX_EXAMPLE_AGENT_RESPONSE,
  HISTORY_MESSAGES,
  MAX_EXAMPLE_USER_MESSAGE,
  MODERATION_MODES,
} from "./agent-config-models";
export { STYLE_LEVEL } from "./agent-config-sections";
export {
  MAX_SAFETY_NET_KEYWORD,
  MAX_SAFETY_NET_KEYWORDS,
  SAFETY_NET_CATEGORIES,
  SAFETY_NET_TYPES,
  type SafetyNetCategory,
} from "./agent-config-safety-net";
export { DEMO_AGENT_ID, demoAgentDocument } from "./demo-agent";
