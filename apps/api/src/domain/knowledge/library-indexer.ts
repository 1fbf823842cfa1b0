import { libraryDocumentText, DocumentExtractionError } from "@agents-crm/ai";
import { LIBRARY_INDEX_BATCH_CHUNKS } from "@agents-crm/config/knowledge-library";
import type { StoredKnowledgeDocument } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { readLibraryFile } from "./library-files";

type IndexerDeps = Pick<ApiDeps, "repos" | "knowledge" | "log" | "work" | "files">;

/** Runs in the background (shutdown waits for it); the document's state shows how it is going. */
export function scheduleIndexing(deps: IndexerDeps, agentId: string, documentId: string): void {
  deps.work.run("knowledge document indexing", () => indexDocumentNow(deps, agentId, documentId));
}

/**
 * Indexes the document as it is now. Every state write is conditioned on the content version the run
 * started from, so a run overtaken by an edit (or a delete) stops writing and leaves it to the newer run.
 */
export async function indexDocumentNow(
  deps: IndexerDeps,
  agentId: string,
  documentId: string,
): Promise<StoredKnowledgeDocument | null> {
  const document = await deps.repos.knowledgeDocuments.get(agentId, documentId);
  if (!document) return null;
  const { contentVersion } = document;
  const setState = (state: Parameters<typeof deps.repos.knowledgeDocuments.setIndexState>[3]) =>
    deps.repos.knowledgeDocuments.setIndexState(agentId, documentId, contentVersion, state);
  if (!(await setState({ state: "indexing", progress: 0 }))) return null;
  try {
    const text = await libraryDocumentText(document.kind, {
      text: document.text,
      caption: document.caption,
      file:
        document.fileId && document.kind !== "image"
          ? await readLibraryFile(deps, document.fileId)
          : null,
    });
    const result = await deps.knowledge.indexDocument(
      agentId,
      {
        documentId,
        title: document.title,
        text,
        kind: document.kind,
        sendable: document.sendable,
      },
      {
        batchChunks: LIBRARY_INDEX_BATCH_CHUNKS,
        onProgress: (progress) => setState({ state: "indexing", progress }),
      },
    );
    if (result.stopped) return null;
    // The document may have been deleted while its chunks were written: take them away again.
    const ready = await setState({ state: "ready", progress: 100, chunkCount: result.chunks });
    const now = await deps.repos.knowledgeDocuments.get(agentId, documentId);
    if (!now) {
      await deps.knowledge.removeDocument(agentId, documentId);
      return null;
    }
    if (!ready) return null;
    // Marked (or unmarked) sendable while its chunks were being embedded with the old mark.
    if (now.sendable !== document.sendable)
      await deps.knowledge.setDocumentSendable(agentId, documentId, now.sendable);
    return now;
  } catch (error) {
    const reason =
      error instanceof DocumentExtractionError
        ? error.message
        : "indexing failed (the embedding service did not answer); try Re-index";
    if (!(error instanceof DocumentExtractionError))
      deps.log.error("knowledge document indexing failed", { agentId, documentId, error });
    await setState({ state: "failed", progress: 0, failureReason: reason });
  }
  return deps.repos.knowledgeDocuments.get(agentId, documentId);
}

/**
 * Queues the agent's documents for indexing again: all of them after a reactivation (deactivating drops
 * the agent's index), or only those an interrupted run left queued or indexing (`stuckOnly`, at start-up).
 */
export async function requeueLibrary(
  deps: IndexerDeps,
  agentId: string,
  options: { stuckOnly?: boolean } = {},
): Promise<number> {
  let queued = 0;
  for (const document of await deps.repos.knowledgeDocuments.listByAgent(agentId)) {
    if (options.stuckOnly && document.state !== "queued" && document.state !== "indexing") continue;
    const updated = await deps.repos.knowledgeDocuments.update(
      document,
      { state: "queued", progress: 0 },
      { reindex: true },
    );
    if (!updated) continue;
    scheduleIndexing(deps, agentId, document.documentId);
    queued++;
  }
  return queued;
}
