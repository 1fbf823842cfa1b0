import { z } from "zod";
import { MAX_MESSAGE_CHARS } from "./conversations";

/** Staff-only notes in a conversation's transcript (messages with role `note`). */
export const MAX_NOTE_CHARS = MAX_MESSAGE_CHARS;
export const noteContentSchema = z.string().trim().min(1).max(MAX_NOTE_CHARS);

/** Someone a note can mention: an active staff member. */
export interface Mentionable {
  userId: string;
  name: string;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * The staff a note's text mentions: `@` + a staff member's name (any case) that starts the text or
 * follows a non-word character and is not followed by a word character. Longer names are tried first, so
 * "@Anna Maria" is Anna Maria even when an "Anna" exists. Distinct ids, in order of first mention.
 */
export function findMentions(content: string, staff: readonly Mentionable[]): string[] {
  const byLength = [...staff]
    .filter((member) => member.name.trim() !== "")
    .sort((a, b) => b.name.length - a.name.length);
  const lower = content.toLowerCase();
  const found: string[] = [];
  for (let at = lower.indexOf("@"); at !== -1; at = lower.indexOf("@", at + 1)) {
    if (at > 0 && WORD_CHAR.test(lower[at - 1] ?? "")) continue;
    const rest = lower.slice(at + 1);
    const member = byLength.find((candidate) => {
      const name = candidate.name.trim().toLowerCase();
      return rest.startsWith(name) && !WORD_CHAR.test(rest[name.length] ?? "");
    });
    if (member && !found.includes(member.userId)) found.push(member.userId);
  }
  return found;
}

/**
 * The `@query` being typed at `caret` (what the mention picker filters by), or null when the caret is not
 * in one. A query may hold spaces (full names) but not a line break, and stops at 40 characters.
 */
export function mentionQueryAt(
  text: string,
  caret: number,
): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at === -1) return null;
  if (at > 0 && WORD_CHAR.test(before[at - 1] ?? "")) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\n@]/.test(query) || query.startsWith(" ")) return null;
  return { start: at, query };
}
