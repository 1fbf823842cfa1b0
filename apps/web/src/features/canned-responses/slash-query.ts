/** A `/word` being typed: where it starts in the text and what follows the slash. */
export interface SlashQuery {
  start: number;
  end: number;
  query: string;
}

/**
 * The `/…` the caret is in, when the slash starts a word (at the start of the text or after a space or a
 * line break), so "and/or" or a URL never opens the picker.
 */
export function slashQueryAt(text: string, caret: number): SlashQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([^\s/]*)$/u.exec(before);
  if (!match) return null;
  const start = before.length - (match[2]?.length ?? 0) - 1;
  return { start, end: caret, query: match[2] ?? "" };
}

/** The text with the `/word` replaced by `content`, and where the caret goes after it. */
export function insertAt(
  text: string,
  slash: SlashQuery,
  content: string,
): { text: string; caret: number } {
  return {
    text: text.slice(0, slash.start) + content + text.slice(slash.end),
    caret: slash.start + content.length,
  };
}
