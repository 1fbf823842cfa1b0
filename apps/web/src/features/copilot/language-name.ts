/**
 * A language tag as a word in the reader's language ("de" → "German" / "немецкий"); the tag itself when
 * the browser has no name for it, null for "und" (the model could not tell).
 */
export function languageName(tag: string, locale: string): string | null {
  if (!tag || tag === "und") return null;
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
