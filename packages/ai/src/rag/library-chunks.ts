import type { RagChunk } from "./chunk-store";

/**
 * Library documents' chunks live beside the inline sources' chunks of the same agent (one index, one
 * retrieval), told apart by `metadata.documentId`: indexing the inline sources leaves them alone.
 */
export function libraryDocumentIdOf(chunk: Pick<RagChunk, "metadata">): string | null {
  const id = chunk.metadata?.documentId;
  return typeof id === "string" && id !== "" ? id : null;
}

export function isLibraryChunk(chunk: Pick<RagChunk, "metadata">): boolean {
  return libraryDocumentIdOf(chunk) !== null;
}

export function isSendableChunk(chunk: Pick<RagChunk, "metadata">): boolean {
  return isLibraryChunk(chunk) && chunk.metadata?.sendable === true;
}
