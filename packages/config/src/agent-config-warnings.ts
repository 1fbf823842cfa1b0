import { escalationActions } from "./agent-config-accessors";
import { agentConfigSchema, type AgentConfig } from "./agent-config-schema";
import { unknownKeys } from "./agent-config-shape";
import { SAFETY_NET_CATEGORIES } from "./agent-config-safety-net";
import { ACTION_EVENTS, KNOWN_TEMPLATE_IDS } from "./agent-config-templates";

export interface ConfigWarning {
  /** The field that imports fine but does nothing, e.g. `privacy.message_retention`. */
  path: string;
  message: string;
}

/** The embedder the deployment runs; agents cannot pick another one (the index is shared). */
export interface DeploymentModels {
  embeddingModel?: string;
  embeddingDimensions?: number;
  embeddingBatchSize?: number;
}

const INERT_SECTIONS: Record<string, string> = {
  privacy:
    "is not applied: privacy rules are deployment-wide (retention via MESSAGE_TTL_HOURS; conversations are never used for training)",
  security: "is not configurable per agent: roles and the audit log are always on",
  channels:
    "is informational only: an agent answers on the channels bound to it (channel bindings)",
  monitoring:
    "is not implemented: manual flags and KPI targets are not tracked (see the stats page)",
};

const INERT_FIELDS: Record<string, string> = {
  "handoff.always_possible": "has no effect: an admin can always take a conversation over",
  "handoff.immediate_takeover_supported": "has no effect: takeover is always immediate",
  "handoff.default_handoff_target":
    "has no effect: escalations notify the agent's notification recipients",
  "escalation.fast_check": "has no effect: keyword and contact rules run on every message",
  "rag.vector_store": "has no effect: knowledge chunks are stored in the RAG documents table",
};

const ACTION_TYPES_DONE = new Set(["send_message", "handoff", "stop_ai", "mark_request_type"]);

export function configWarnings(
  config: AgentConfig,
  deployment: DeploymentModels = {},
): ConfigWarning[] {
  const out: ConfigWarning[] = [];
  const warn = (path: string, message: string) => out.push({ path, message: `${path} ${message}` });
  const record = config as Record<string, unknown>;

  for (const [section, message] of Object.entries(INERT_SECTIONS)) {
    const value = record[section];
    if (value === undefined) continue;
    const keys = Object.keys(value as object);
    if (keys.length === 0) warn(section, message);
    for (const key of keys) warn(`${section}.${key}`, message);
  }
  for (const [path, message] of Object.entries(INERT_FIELDS)) {
    if (valueAt(record, path) !== undefined) warn(path, message);
  }
  for (const path of unknownKeys(config, agentConfigSchema)) {
    if (path.split(".")[0]! in INERT_SECTIONS || path.startsWith("escalation.phone_detection."))
      continue;
    warn(path, "is not a field of the agent schema: kept as written, not used");
  }

  if (config.llm.provider !== "openai") {
    warn(
      "llm.provider",
      `"${config.llm.provider}" is not supported: replies come from OpenAI or an OpenAI-compatible server (OPENAI_BASE_URL)`,
    );
  }
  if (config.llm.api !== undefined && config.llm.api !== "chat_completions") {
    warn("llm.api", `"${config.llm.api}" is ignored: replies use the Chat Completions API`);
  }
  if (config.moderation.provider !== "openai") {
    warn(
      "moderation.provider",
      `"${config.moderation.provider}" is not supported: the OpenAI moderation endpoint is used`,
    );
  }
  if (config.moderation.action_on_violation !== "block_and_escalate") {
    warn(
      "moderation.action_on_violation",
      "is ignored: a violation always blocks the reply and escalates",
    );
  }
  if (config.rag.scope !== "agent_only") {
    warn(
      "rag.scope",
      `"${config.rag.scope}" is ignored: an agent only ever searches its own knowledge`,
    );
  }
  embeddingWarnings(config, deployment, warn);
  triggerWarnings(config, warn);
  safetyNetWarnings(config, warn);
  actionWarnings(config, warn);
  templateWarnings(config, warn);
  return out;
}

type Warn = (path: string, message: string) => void;

function embeddingWarnings(config: AgentConfig, deployment: DeploymentModels, warn: Warn): void {
  const { provider, model, dimensions, batch_size: batchSize } = config.embeddings;
  if (provider !== "openai")
    warn(
      "embeddings.provider",
      `"${provider}" is not supported: the deployment's embedder is used`,
    );
  const checks: [string, string | number | undefined, string | number | undefined, string][] = [
    ["embeddings.model", model, deployment.embeddingModel, "OPENAI_EMBEDDING_MODEL"],
    [
      "embeddings.dimensions",
      dimensions,
      deployment.embeddingDimensions,
      "OPENAI_EMBEDDING_DIMENSIONS",
    ],
    [
      "embeddings.batch_size",
      batchSize,
      deployment.embeddingBatchSize,
      "the deployment's batch size",
    ],
  ];
  for (const [path, wanted, actual, setting] of checks) {
    if (wanted === undefined || wanted === actual) continue;
    const running = actual === undefined ? "" : ` (${String(actual)})`;
    warn(
      path,
      `is not applied per agent: knowledge is embedded with the deployment's setting${running}; set ${setting} to match`,
    );
  }
}

function triggerWarnings(config: AgentConfig, warn: Warn): void {
  for (const [name, value] of Object.entries(config.escalation.triggers)) {
    if (Array.isArray(value)) continue;
    const why =
      name === "phone_number_detect"
        ? "is ignored: phone numbers are found by escalation.phone_detection (any format), not by a regex"
        : "is ignored: only keyword lists trigger escalations";
    warn(`escalation.triggers.${name}`, why);
  }
  const known = new Set(["enabled", "escalate_on_email", "default_country"]);
  for (const key of Object.keys(config.escalation.phone_detection)) {
    if (!known.has(key))
      warn(
        `escalation.phone_detection.${key}`,
        "is ignored: phone numbers are recognised in any format",
      );
  }
}

// The net may be switched off per category, but never silently: every save and import says so.
function safetyNetWarnings(config: AgentConfig, warn: Warn): void {
  const { categories } = config.escalation.safety_net;
  for (const category of SAFETY_NET_CATEGORIES) {
    if (categories[category].enabled) continue;
    warn(
      `escalation.safety_net.categories.${category}.enabled`,
      `is false: the built-in safety net no longer hands over "${category}" messages; only this agent's triggers and the model can`,
    );
  }
}

function actionWarnings(config: AgentConfig, warn: Warn): void {
  for (const [event, actions] of escalationActions(config)) {
    const path = `escalation.actions.${event}`;
    if (!(event in ACTION_EVENTS)) {
      warn(path, `is not an escalation event (${Object.keys(ACTION_EVENTS).join(", ")})`);
      continue;
    }
    actions.forEach((action, index) => {
      if (!ACTION_TYPES_DONE.has(action.type))
        warn(`${path}[${index}]`, `action "${action.type}" is not implemented`);
    });
    if (!actions.some((action) => action.type === "handoff")) {
      warn(path, "has no handoff action, but every escalation hands the conversation to a human");
    }
  }
  for (const [event, value] of Object.entries(config.escalation.actions)) {
    if (!Array.isArray(value))
      warn(`escalation.actions.${event}`, "is ignored: expected a list of actions");
  }
}

function templateWarnings(config: AgentConfig, warn: Warn): void {
  const referenced = new Set<string>();
  for (const actions of escalationActions(config).values()) {
    for (const action of actions) if (action.templateId) referenced.add(action.templateId);
  }
  for (const id of referenced) {
    if (!(id in config.prompts.templates))
      warn(
        `prompts.templates.${id}`,
        "is referenced by an action but not defined: the default text is sent",
      );
  }
  for (const id of Object.keys(config.prompts.templates)) {
    if (!KNOWN_TEMPLATE_IDS.has(id) && !referenced.has(id)) {
      warn(
        `prompts.templates.${id}`,
        "is never sent: no escalation or action uses this template id",
      );
    }
  }
}

function valueAt(root: Record<string, unknown>, path: string): unknown {
  let current: unknown = root;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
