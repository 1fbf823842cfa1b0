/** The console's keyboard shortcuts, in the order the help dialog lists them. */
export const SHORTCUTS = [
  { action: "next", key: "j" },
  { action: "previous", key: "k" },
  { action: "open", key: "Enter" },
  { action: "reply", key: "r" },
  { action: "takeOver", key: "t" },
  { action: "resolve", key: "e" },
  { action: "canned", key: "/" },
  { action: "help", key: "?" },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]["action"];

interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
  target: EventTarget | null;
}

/** Whether the key goes into something being typed in (a field, an editable region, a select). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== "function") return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  return (
    element.closest("input, textarea, select, [contenteditable=''], [contenteditable=true]") !==
    null
  );
}

/**
 * The shortcut a key press means, or null: never while typing, composing (IME), with Ctrl/Alt/Meta
 * (the browser's and the OS's own shortcuts), or when something already handled the key. Enter is the
 * browser's own on a focused link ("open"), so only the others are taken here.
 */
export function shortcutFor(event: KeyLike): Exclude<ShortcutAction, "open"> | null {
  if (event.defaultPrevented || event.isComposing) return null;
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  if (isTypingTarget(event.target)) return null;
  // A dialog open on top (a confirmation, this help) keeps its keys to itself.
  if ((event.target as Element | null)?.closest?.("dialog[open]")) return null;
  const found = SHORTCUTS.find((s) => s.key === event.key && s.action !== "open");
  return found ? (found.action as Exclude<ShortcutAction, "open">) : null;
}
