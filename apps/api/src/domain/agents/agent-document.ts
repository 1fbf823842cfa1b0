import {
  knowledgeSources,
  mergeDocuments,
  parseAgentConfig,
  type AgentConfig,
  type ConfigWarning,
  type DeploymentModels,
  type ParseAgentConfigResult,
} from "@agents-crm/config/agent-config";
import { formatBytes, MAX_AGENT_DOCUMENT_BYTES } from "@agents-crm/config/request-limits";
import type { AgentConfigDocument } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { invalidInput } from "../errors";
import { configIssuesError } from "./config-issues";

export interface ValidatedDocument {
  /** What is stored: the document as written (plus agent_id), so it exports back unchanged. */
  document: AgentConfigDocument;
  config: AgentConfig;
  warnings: ConfigWarning[];
}

export function deploymentModels(deps: Pick<ApiDeps, "llm">): DeploymentModels {
  return {
    embeddingModel: deps.llm.embedder.model,
    embeddingDimensions: deps.llm.embedder.dimensions,
  };
}

/** `config.agent_id` is filled from `agentId` when absent and must match it when present. */
export function withAgentId(
  agentId: string,
  config: AgentConfigDocument,
  field = "config",
): AgentConfigDocument {
  if (config.agent_id === undefined || config.agent_id === null) {
    return { ...config, agent_id: agentId };
  }
  if (config.agent_id !== agentId) {
    throw invalidInput(`${field}.agent_id`, `must equal the agent id "${agentId}"`);
  }
  return config;
}

function accept(
  result: ParseAgentConfigResult,
  document: AgentConfigDocument,
  field: string,
): ValidatedDocument {
  if (!result.ok) throw configIssuesError(result.issues, field);
  // Past DynamoDB's item size the write would fail as a ValidationException (a 500).
  const bytes = Buffer.byteLength(JSON.stringify(document), "utf8");
  if (bytes > MAX_AGENT_DOCUMENT_BYTES) {
    throw invalidInput(
      field,
      `is ${formatBytes(bytes)}; at most ${formatBytes(MAX_AGENT_DOCUMENT_BYTES)} can be stored: shorten the knowledge sources`,
    );
  }
  return {
    document,
    config: result.config,
    warnings: [...result.warnings, ...knowledgeWarnings(result.config)],
  };
}

export function validateNewDocument(
  deps: Pick<ApiDeps, "llm">,
  agentId: string,
  config: AgentConfigDocument,
  field = "config",
): ValidatedDocument {
  const document = withAgentId(agentId, config, field);
  return accept(parseAgentConfig(document, deploymentModels(deps)), document, field);
}

/** A JSON merge patch over the stored document (`null` removes a key); agent_id cannot change. */
export function validateMergedDocument(
  deps: Pick<ApiDeps, "llm">,
  agentId: string,
  stored: AgentConfigDocument,
  patch: AgentConfigDocument,
  field = "config",
): ValidatedDocument {
  if (patch.agent_id !== undefined && patch.agent_id !== agentId) {
    throw invalidInput(`${field}.agent_id`, `cannot change: this agent is "${agentId}"`);
  }
  // The same RFC 7396 merge deepMergeAgentConfig validates; the raw result is what gets stored.
  const document = mergeDocuments(stored, { ...patch, agent_id: agentId }) as AgentConfigDocument;
  return accept(parseAgentConfig(document, deploymentModels(deps)), document, field);
}

/** Knowledge that would silently do nothing is named, like every other inert field. */
function knowledgeWarnings(config: AgentConfig): ConfigWarning[] {
  const out: ConfigWarning[] = [];
  config.rag.sources.forEach((source, index) => {
    if (source.content.trim() === "") {
      const path = `rag.sources[${index}].content`;
      out.push({ path, message: `${path} is empty: source "${source.id}" is not indexed` });
    }
  });
  if (config.rag.enabled && knowledgeSources(config).length === 0) {
    out.push({
      path: "rag.sources",
      message: "rag.sources has no source with content: the agent answers without a knowledge base",
    });
  }
  return out;
}
