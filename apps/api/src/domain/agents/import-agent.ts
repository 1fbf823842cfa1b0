import { parseAgentConfigText } from "@agents-crm/config/agent-config";
import type { AgentConfigDocument } from "@agents-crm/db";
import { parse } from "yaml";
import { conflict, invalidInput } from "../errors";
import type { StaffContext } from "./agent-context";
import { validateNewDocument } from "./agent-document";
import { configIssuesError } from "./config-issues";
import { createAgent, overwriteAgent, type SaveAgentResult } from "./save-agent";

/** The document exactly as written (stored as such); syntax errors come from parseAgentConfigText. */
function readDocument(text: string): AgentConfigDocument {
  let value: unknown;
  try {
    value = parse(text, { uniqueKeys: true, maxAliasCount: 100 });
  } catch {
    value = undefined;
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return value as AgentConfigDocument;
  }
  const result = parseAgentConfigText(text);
  throw result.ok
    ? invalidInput("text", "the document must be a mapping of fields")
    : configIssuesError(result.issues, "text");
}

/**
 * An agent YAML/JSON document, imported unchanged: a new agent, or with `overwrite` a full replacement
 * of an existing agent's document (its created_at, active flag and bindings are kept).
 */
export async function importAgent(
  ctx: StaffContext,
  input: { text: string; agentId?: string; overwrite?: boolean },
): Promise<SaveAgentResult & { created: boolean }> {
  const document = readDocument(input.text);
  const agentId =
    input.agentId ?? (typeof document.agent_id === "string" ? document.agent_id : undefined);
  if (agentId === undefined) {
    throw invalidInput("text.agent_id", "is required (or pass agentId)");
  }
  const valid = validateNewDocument(ctx.deps, agentId, document, "text");
  const current = await ctx.deps.repos.agents.get(agentId);
  if (!current) {
    const result = await createAgent(
      ctx,
      { agentId, config: valid.document },
      { action: "agent.create", metadata: { via: "import" } },
    );
    return { ...result, created: true };
  }
  if (!input.overwrite) {
    throw conflict(`Agent ${agentId} already exists: import with overwrite to replace its config`);
  }
  return { ...(await overwriteAgent(ctx, current, valid)), created: false };
}
