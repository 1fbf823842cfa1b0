import { parseDocument } from "yaml";
import { parseAgentConfig, type ParseAgentConfigResult } from "./agent-config-parse";
import type { DeploymentModels } from "./agent-config-warnings";

/** Reads an agent document written as YAML or JSON (JSON is YAML) and validates it. */
export function parseAgentConfigText(
  text: string,
  deployment?: DeploymentModels,
): ParseAgentConfigResult {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      issues: document.errors.map((error) => ({
        path: "(root)",
        message: error.message.split("\n")[0]!,
      })),
    };
  }
  const value: unknown = document.toJS({ maxAliasCount: 100 });
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      ok: false,
      issues: [{ path: "(root)", message: "the document must be a mapping of fields" }],
    };
  }
  return parseAgentConfig(value, deployment);
}
