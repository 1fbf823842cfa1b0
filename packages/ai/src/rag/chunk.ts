import { z } from "zod";
import type { Piece } from "./chunk-pieces";
import { blocksToPieces } from "./chunk-pieces";
import { parseBlocks } from "./markdown-blocks";
import { splitSentences } from "./sentences";

export const chunkingOptionsSchema = z
  .object({
    /** Characters per chunk the packer aims for (and only exceeds to keep a heading with its text). */
    targetSize: z.number().int().min(100).max(100_000).default(800),
    /** Characters of the previous chunk's tail repeated at the start of the next one, on word boundaries. */
    overlap: z.number().int().min(0).default(150),
  })
  .refine((o) => o.overlap <= o.targetSize / 2, {
    message: "overlap must be at most half of targetSize",
  });

export type ChunkingOptions = z.input<typeof chunkingOptionsSchema>;

/**
 * Splits a (Markdown or plain) document into retrieval chunks: paragraphs first, then lines, sentences,
 * words. Headings stay with the text under them; fenced code is only split when it alone exceeds the target.
 */
export function chunkText(text: string, options: ChunkingOptions = {}): string[] {
  const { targetSize, overlap } = chunkingOptionsSchema.parse(options);
  const pieces = blocksToPieces(parseBlocks(text), targetSize);
  const chunks: string[] = [];
  let current: Piece[] = [];
  let length = 0;

  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as Piece;
    const next = pieces[i + 1];
    // A heading must not end a chunk: reserve room for whatever follows it.
    const needed =
      piece.text.length +
      (piece.kind === "heading" && next ? next.sep.length + next.text.length : 0);
    const startsSection = piece.kind === "heading" && length >= targetSize / 2;
    if (current.length > 0 && (length + piece.sep.length + needed > targetSize || startsSection)) {
      chunks.push(join(current));
      current =
        piece.kind === "text"
          ? overlapPieces(current, overlap, targetSize - needed - piece.sep.length)
          : [];
      length = joinedLength(current);
    }
    length += (current.length > 0 ? piece.sep.length : 0) + piece.text.length;
    current.push(piece);
  }
  if (current.length > 0) chunks.push(join(current));
  return chunks;
}

function join(pieces: Piece[]): string {
  return pieces.map((p, i) => (i === 0 ? p.text : p.sep + p.text)).join("");
}

function joinedLength(pieces: Piece[]): number {
  return pieces.reduce((sum, p, i) => sum + p.text.length + (i === 0 ? 0 : p.sep.length), 0);
}

/** The previous chunk's trailing prose: whole sentences/lines if any fit, else its last words. */
function overlapPieces(previous: Piece[], overlap: number, room: number): Piece[] {
  const budget = Math.min(overlap, room);
  if (budget <= 0) return [];
  let first = previous.length;
  let length = 0;
  while (first > 0) {
    const piece = previous[first - 1] as Piece;
    const added =
      piece.text.length + (first < previous.length ? (previous[first]?.sep.length ?? 0) : 0);
    if (piece.kind !== "text" || length + added > budget) break;
    length += added;
    first--;
  }
  // A piece glued on without a separator is the rest of a cut word: an overlap must not begin there.
  while (first < previous.length && previous[first]?.sep === "") first++;
  if (first < previous.length) return previous.slice(first);
  const last = previous.at(-1);
  if (last?.kind !== "text") return [];
  const from = Math.max(0, last.text.length - budget);
  const cut = sentenceStartAfter(last.text, from) ?? wordStartAfter(last.text, from);
  return cut === undefined ? [] : [{ kind: "text", text: last.text.slice(cut).trim(), sep: " " }];
}

function sentenceStartAfter(text: string, from: number): number | undefined {
  let offset = 0;
  for (const sentence of splitSentences(text)) {
    if (offset > 0 && offset >= from && offset < text.length) return offset;
    offset += sentence.length;
  }
  return undefined;
}

function wordStartAfter(text: string, from: number): number | undefined {
  const index = text.slice(from).search(/\s\S/);
  return index < 0 ? undefined : from + index + 1;
}
