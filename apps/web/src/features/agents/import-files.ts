import { MAX_AGENT_IMPORT_CHARS } from "@agents-crm/config/request-limits";
import type { DocPath } from "./document-paths";
import { extensionOf } from "./knowledge-files";

export const IMPORT_EXTENSIONS = [".yaml", ".yml", ".json"] as const;

export function importFileProblem(file: { name: string; size: number }): "type" | "size" | null {
  if (!(IMPORT_EXTENSIONS as readonly string[]).includes(extensionOf(file.name))) return "type";
  if (file.size > MAX_AGENT_IMPORT_CHARS * 4) return "size";
  return null;
}

/** The agent id a pasted document declares (to say which agent an overwrite would replace). */
export function declaredAgentId(text: string): string | null {
  const json = /"agent_id"\s*:\s*"([^"]+)"/.exec(text);
  if (json?.[1]) return json[1];
  const yaml = /^agent_id\s*:\s*["']?([A-Za-z0-9_-]+)["']?\s*(?:#.*)?$/m.exec(text);
  return yaml?.[1] ?? null;
}

/** The schema's issues with an imported document, one line each ("llm.model: Required"). */
export function importIssuesText(issues: readonly { path: DocPath; message: string }[]): string {
  return issues
    .map((issue) => `${issue.path.join(".") || "document"}: ${issue.message}`)
    .join("\n");
}
