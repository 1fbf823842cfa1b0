import type { Block } from "./markdown-blocks";
import { splitSentences } from "./sentences";

export type PieceKind = "heading" | "text" | "code";
export type Separator = "" | " " | "\n" | "\n\n";

/** The smallest unit the packer moves around; never longer than the target size (headings excepted). */
export interface Piece {
  kind: PieceKind;
  text: string;
  /** What joins this piece to the one before it when both land in the same chunk. */
  sep: Separator;
}

/** Breaks blocks into pieces no longer than `maxSize`: paragraph → line → sentence → word → characters. */
export function blocksToPieces(blocks: Block[], maxSize: number): Piece[] {
  const pieces: Piece[] = [];
  let previous: Block | undefined;
  for (const block of blocks) {
    const sep: Separator =
      previous === undefined ? "" : previous.kind === "heading" ? "\n" : "\n\n";
    const start = pieces.length;
    if (block.kind === "code") pieces.push(...codePieces(block, maxSize));
    else if (block.kind === "heading" && block.text.length <= maxSize) {
      pieces.push({ kind: "heading", text: block.text, sep });
    } else pieces.push(...textPieces(block.text, maxSize));
    const first = pieces[start];
    if (first) first.sep = sep;
    previous = block;
  }
  return pieces;
}

const textPiece = (text: string, sep: Separator = " "): Piece => ({ kind: "text", text, sep });

function textPieces(text: string, maxSize: number): Piece[] {
  if (text.length <= maxSize) return [textPiece(text)];
  return text.split("\n").flatMap((line, lineIndex) => {
    const linePieces = lineToPieces(line.trim(), maxSize);
    const first = linePieces[0];
    if (first && lineIndex > 0) first.sep = "\n";
    return linePieces;
  });
}

function lineToPieces(line: string, maxSize: number): Piece[] {
  if (line.length <= maxSize) return line ? [textPiece(line)] : [];
  return splitSentences(line).flatMap((raw) => {
    const sentence = raw.trim();
    if (sentence.length <= maxSize) return sentence ? [textPiece(sentence)] : [];
    const words = sentence.split(/\s+/).filter(Boolean);
    // Parts of one cut word join without a space.
    return words.flatMap((word) =>
      hardSplit(word, maxSize).map((part, i) => textPiece(part, i ? "" : " ")),
    );
  });
}

function codePieces(block: Block, maxSize: number): Piece[] {
  if (block.text.length <= maxSize || !block.fence)
    return [{ kind: "code", text: block.text, sep: "" }];
  const { open, close } = block.fence;
  const budget = Math.max(1, maxSize - open.length - close.length - 2);
  const body = block.text.slice(open.length + 1, block.text.length - close.length - 1);
  const groups: string[] = [];
  let group = "";
  for (const line of body.split("\n").flatMap((l) => hardSplit(l, budget))) {
    if (group && group.length + 1 + line.length > budget) {
      groups.push(group);
      group = line;
    } else group = group ? `${group}\n${line}` : line;
  }
  if (group) groups.push(group);
  // Each part is re-fenced so every chunk stays valid Markdown.
  return groups.map((lines) => ({
    kind: "code",
    text: `${open}\n${lines}\n${close}`,
    sep: "\n\n",
  }));
}

/** Cuts a string longer than `size` at code point boundaries. */
function hardSplit(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  const parts: string[] = [];
  let part = "";
  for (const char of text) {
    if (part.length + char.length > size) {
      parts.push(part);
      part = "";
    }
    part += char;
  }
  if (part) parts.push(part);
  return parts;
}
