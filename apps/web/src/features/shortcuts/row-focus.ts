/** The rows j/k move through, and the link in each that Enter opens. */
export const ROW_SELECTOR = "[data-shortcut-row]";
const ROW_LINK = "a[href]";

/**
 * Moves the keyboard focus `delta` rows from the focused one (the first row when none is focused yet,
 * staying at the ends) and returns the row focused, or null when the page has no rows.
 */
export function moveRowFocus(root: ParentNode, delta: 1 | -1): Element | null {
  const rows = Array.from(root.querySelectorAll(ROW_SELECTOR));
  if (rows.length === 0) return null;
  const active = root.ownerDocument?.activeElement ?? (root as Document).activeElement ?? null;
  const current = active ? rows.findIndex((row) => row.contains(active)) : -1;
  const index =
    current === -1
      ? delta === 1
        ? 0
        : rows.length - 1
      : Math.min(rows.length - 1, Math.max(0, current + delta));
  const row = rows[index] ?? null;
  const link = row?.querySelector<HTMLElement>(ROW_LINK);
  link?.focus();
  link?.scrollIntoView?.({ block: "nearest" });
  return row;
}

/**
 * The button of a shortcut (`data-shortcut="resolve"`, …) that applies now: in the focused row when a
 * row has the focus, else on the page (the conversation's own actions).
 */
export function shortcutButton(doc: Document, name: string): HTMLElement | null {
  const selector = `[data-shortcut="${name}"]:not([disabled])`;
  const row = doc.activeElement?.closest(ROW_SELECTOR);
  if (row) return row.querySelector<HTMLElement>(selector);
  return doc.querySelector<HTMLElement>(`[data-shortcut-scope="page"] ${selector}`);
}
