import {
  agentConfigSchema,
  formatIssuePath,
  type AgentConfig,
  type ConfigIssue,
} from "./agent-config-schema";
import { configWarnings, type ConfigWarning, type DeploymentModels } from "./agent-config-warnings";

export type ParseAgentConfigResult =
  | { ok: true; config: AgentConfig; warnings: ConfigWarning[] }
  | { ok: false; issues: ConfigIssue[] };

/**
 * Validates an agent document. Field-level issues name the path (`rag.retrieval.top_k`); fields that
 * import fine but do nothing in this product come back as warnings.
 */
export function parseAgentConfig(
  input: unknown,
  deployment?: DeploymentModels,
): ParseAgentConfigResult {
  const parsed = agentConfigSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: formatIssuePath(issue.path),
        message: issue.message,
      })),
    };
  }
  return { ok: true, config: parsed.data, warnings: configWarnings(parsed.data, deployment) };
}
