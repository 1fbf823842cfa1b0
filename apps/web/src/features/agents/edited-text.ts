"use client";

import { useState } from "react";

export const asText = (value: unknown) =>
  typeof value === "string" || typeof value === "number" ? String(value) : "";

/**
 * Text typed in a field keeps its own state while it does not parse as the stored value (a half-typed
 * "0." or a list with a trailing newline), and follows the document when it changes elsewhere.
 */
export function useEditedText(
  value: unknown,
  format: (value: unknown) => string,
  same: (text: string) => boolean,
) {
  const [text, setText] = useState(() => format(value));
  // Only an outside change of the value re-syncs the text, not each keystroke.
  const [shownFor, setShownFor] = useState(value);
  if (shownFor !== value) {
    setShownFor(value);
    if (!same(text)) setText(format(value));
  }
  return [text, setText] as const;
}
