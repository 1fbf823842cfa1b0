import type { Channel } from "@agents-crm/config/channels";

interface ChannelLimit {
  max: number;
  size: (text: string) => number;
}

const utf8Bytes = (text: string) => Buffer.byteLength(text, "utf8");
const codeUnits = (text: string) => text.length;

/**
 * What one message may hold. Instagram counts UTF-8 bytes (1000 bytes ≈ 500 Cyrillic letters);
 * Telegram and WhatsApp count characters (UTF-16 units, the stricter reading); the web chat has no limit.
 */
export const CHANNEL_LIMITS: Record<Channel, ChannelLimit | null> = {
  instagram: { max: 1000, size: utf8Bytes },
  telegram: { max: 4096, size: codeUnits },
  whatsapp: { max: 4096, size: codeUnits },
  web_chat: null,
};

type Level = "paragraph" | "sentence" | "word" | "grapheme";
const LEVELS: Level[] = ["paragraph", "sentence", "word", "grapheme"];

const segmenters = {
  sentence: new Intl.Segmenter(undefined, { granularity: "sentence" }),
  word: new Intl.Segmenter(undefined, { granularity: "word" }),
  grapheme: new Intl.Segmenter(undefined, { granularity: "grapheme" }),
};

/** Pieces that concatenate back to `text`, each keeping the whitespace that follows it. */
function segment(text: string, level: Level): string[] {
  if (level === "paragraph") return text.split(/(?<=\n[ \t]*\n)(?=[^\n])/);
  const pieces = Array.from(segmenters[level].segment(text), (s) => s.segment);
  if (level !== "word") return pieces;
  const merged: string[] = [];
  for (const piece of pieces) {
    if (merged.length > 0 && /^\s+$/.test(piece)) merged[merged.length - 1] += piece;
    else merged.push(piece);
  }
  return merged;
}

function pack(text: string, limit: ChannelLimit, levelIndex: number): string[] {
  const level = LEVELS[levelIndex];
  if (limit.size(text) <= limit.max || level === undefined) return [text];
  const parts: string[] = [];
  let current = "";
  for (const unit of segment(text, level)) {
    if (limit.size(unit) > limit.max) {
      if (current) parts.push(current);
      current = "";
      parts.push(...pack(unit, limit, levelIndex + 1));
    } else if (limit.size(current + unit) <= limit.max) {
      current += unit;
    } else {
      if (current) parts.push(current);
      current = unit;
    }
  }
  if (current) parts.push(current);
  return parts;
}

/**
 * Splits a reply into messages the channel accepts, preferring paragraph, then sentence, then word
 * boundaries; a grapheme (emoji, letter with accents, surrogate pair) is never cut.
 */
export function splitForChannel(text: string, channel: Channel): string[] {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  const limit = CHANNEL_LIMITS[channel];
  if (limit === null) return [trimmed];
  return pack(trimmed, limit, 0)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}
