import type { RetrievedSource } from "../rag/types";
import { block, escapeBlockText, oneLine, TAGS } from "./blocks";

/** Excerpt ids the model cites in `sources_used`: S1, S2, … in retrieval order. */
export function excerptId(index: number): string {
  return `S${index + 1}`;
}

/** Retrieved excerpts in <knowledge>; `emptyNote` says what nothing matched (a message or a conversation). */
export function knowledgeBlock(knowledge: readonly RetrievedSource[], emptyNote: string): string {
  if (knowledge.length === 0) return block(TAGS.knowledge, emptyNote);
  const excerpts = knowledge.map((source, index) =>
    block(TAGS.excerpt, escapeBlockText(source.content.trim()), {
      id: excerptId(index),
      title: source.title,
      // Only documents staff marked "may be sent to customers" can be attached.
      ...(source.sendable && source.documentId ? { sendable_document: source.documentId } : {}),
    }),
  );
  return block(TAGS.knowledge, excerpts.join("\n"));
}

/** `key: value` facts in <turn_context>, one line each. */
export function contextBlock(context: Record<string, string>): string {
  const lines = Object.entries(context).map(
    ([key, value]) => `${key}: ${escapeBlockText(oneLine(value))}`,
  );
  return block(TAGS.context, lines.join("\n"));
}
