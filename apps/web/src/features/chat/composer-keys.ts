import { MAX_MESSAGE_CHARS } from "@agents-crm/config/conversations";

/** The counter appears this close to the limit. */
export const COUNTER_FROM_CHARS = 9_000;

export interface ComposerKey {
  key: string;
  shiftKey: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  /** True while an input method (Japanese, Chinese…) is composing: its Enter confirms a word. */
  isComposing?: boolean;
}

/** Enter sends; Shift+Enter (or Alt+Enter) is a new line; Enter during IME composition is the IME's. */
export function composerKeyAction(event: ComposerKey): "send" | "default" {
  if (event.key !== "Enter" || event.isComposing) return "default";
  if (event.shiftKey || event.altKey) return "default";
  return "send";
}

export type DraftCheck =
  { ok: true; content: string } | { ok: false; reason: "empty" | "too_long"; over: number };

export function checkDraft(draft: string): DraftCheck {
  const content = draft.trim();
  if (content === "") return { ok: false, reason: "empty", over: 0 };
  if (content.length > MAX_MESSAGE_CHARS)
    return { ok: false, reason: "too_long", over: content.length - MAX_MESSAGE_CHARS };
  return { ok: true, content };
}

export const showCounter = (draft: string) => draft.length >= COUNTER_FROM_CHARS;
