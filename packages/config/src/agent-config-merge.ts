import { parseAgentConfig, type ParseAgentConfigResult } from "./agent-config-parse";
import type { DeploymentModels } from "./agent-config-warnings";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * JSON-merge-patch semantics (RFC 7396): objects merge key by key, arrays and scalars replace, and
 * `null` removes a key so a field can fall back to its default.
 */
export function mergeDocuments(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (value !== undefined) out[key] = mergeDocuments(out[key], value);
  }
  return out;
}

/** An update to an agent: the patch is merged over the stored document and the result validated. */
export function deepMergeAgentConfig(
  base: unknown,
  patch: unknown,
  deployment?: DeploymentModels,
): ParseAgentConfigResult {
  if (!isPlainObject(patch)) {
    return { ok: false, issues: [{ path: "(root)", message: "an update must be an object" }] };
  }
  return parseAgentConfig(mergeDocuments(base, patch), deployment);
}
