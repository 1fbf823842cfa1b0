import { knowledgeSources, parseAgentConfig } from "@agents-crm/config/agent-config";
import {
  MAX_LIBRARY_TEXT_CHARS,
  type KnowledgeDocumentView,
} from "@agents-crm/config/knowledge-library";
import type { StaffContext } from "../agents/agent-context";
import { deploymentModels } from "../agents/agent-document";
import { updateAgent } from "../agents/save-agent";
import { recordAudit } from "../audit";
import { invalidInput } from "../errors";
import { agentOrThrow, createDocument } from "./library-documents";
import { indexDocumentNow } from "./library-indexer";
import { toDocumentView } from "./library-views";

/**
 * Moves the agent's inline `rag.sources` into the library as text documents. Each is indexed before the
 * inline copy is dropped, so retrieval finds the same text throughout; a source that fails to index stays
 * inline. Idempotent: a source moved before (same inline id) is not copied twice.
 */
export async function importInlineSources(
  ctx: StaffContext,
  input: { agentId: string },
): Promise<{ moved: KnowledgeDocumentView[]; kept: string[] }> {
  const agent = await agentOrThrow(ctx, input.agentId);
  const parsed = parseAgentConfig(agent.config, deploymentModels(ctx.deps));
  if (!parsed.ok) throw invalidInput("agentId", "the agent's configuration does not validate");
  const sources = knowledgeSources(parsed.config);
  const existing = await ctx.deps.repos.knowledgeDocuments.listByAgent(input.agentId);
  const moved: KnowledgeDocumentView[] = [];
  const kept: string[] = [];
  for (const source of sources) {
    const already = existing.find((d) => d.inlineSourceId === source.id && d.state === "ready");
    if (already) {
      moved.push(toDocumentView(already));
      continue;
    }
    if (source.content.length > MAX_LIBRARY_TEXT_CHARS) {
      kept.push(source.id);
      continue;
    }
    const created = await createDocument(
      ctx,
      {
        agentId: input.agentId,
        folder: "",
        title: source.title.slice(0, 200),
        sendable: false,
        text: source.content,
      },
      { inlineSourceId: source.id, index: "none" },
    );
    const indexed = await indexDocumentNow(ctx.deps, input.agentId, created.documentId);
    if (indexed?.state === "ready") moved.push(toDocumentView(indexed));
    else kept.push(source.id);
  }
  const movedIds = new Set(moved.map((d) => d.inlineSourceId));
  const remaining = parsed.config.rag.sources.filter((source) => !movedIds.has(source.id));
  if (remaining.length !== parsed.config.rag.sources.length) {
    await updateAgent(ctx, {
      agentId: input.agentId,
      config: { rag: { sources: remaining } },
      expectedVersion: agent.version,
    });
  }
  await recordAudit(ctx, {
    action: "knowledge.import_inline",
    resourceType: "agent",
    resourceId: input.agentId,
    metadata: { moved: moved.length, kept },
  });
  return { moved, kept };
}
