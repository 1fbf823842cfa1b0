import { createHash } from "node:crypto";
import type { KnowledgeSource } from "./types";

/** Bump when chunking or the embedded text changes shape: every source then counts as changed. */
const INDEX_FORMAT = 1;

export interface DigestContext {
  model: string;
  dimensions: number;
  targetSize: number;
  overlap: number;
}

/** Identifies what a source's stored chunks were built from, so unchanged sources are not re-embedded. */
export function sourceDigest(source: KnowledgeSource, context: DigestContext): string {
  const payload = JSON.stringify([
    INDEX_FORMAT,
    context.model,
    context.dimensions,
    context.targetSize,
    context.overlap,
    source.type ?? null,
    source.title,
    source.content,
  ]);
  return createHash("sha256").update(payload).digest("hex");
}

/** What is sent to the embedder for a chunk: the title gives short chunks their topic. */
export function embeddingInput(title: string, chunk: string): string {
  return title.trim() ? `${title.trim()}\n\n${chunk}` : chunk;
}
