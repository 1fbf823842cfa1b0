"use client";

import { useEffect, useRef, type RefObject } from "react";

/**
 * Dispatched on the reply box to open the picker from elsewhere (the `/` keyboard shortcut): a `/` is
 * typed at the caret as if the user had, so everything after is the same path.
 */
export const OPEN_CANNED_PICKER_EVENT = "agents-crm:open-canned-picker";

export function openCannedPicker(textarea: HTMLTextAreaElement): void {
  textarea.focus();
  textarea.dispatchEvent(new CustomEvent(OPEN_CANNED_PICKER_EVENT));
}

/** Listens for OPEN_CANNED_PICKER_EVENT: `onOpen` gets the text with the `/` in it and the caret after it. */
export function useOpenPickerEvent(
  textarea: RefObject<HTMLTextAreaElement | null>,
  onOpen: (text: string, caret: number) => void,
) {
  const latest = useRef(onOpen);
  useEffect(() => {
    latest.current = onOpen;
  });
  useEffect(() => {
    const element = textarea.current;
    if (!element) return;
    const open = () => {
      const at = element.selectionStart;
      const before = element.value.slice(0, at);
      // The picker opens only for a `/` that starts a word.
      const slash = before === "" || /\s$/u.test(before) ? "/" : " /";
      const caret = at + slash.length;
      latest.current(before + slash + element.value.slice(element.selectionEnd), caret);
      requestAnimationFrame(() => element.setSelectionRange(caret, caret));
    };
    element.addEventListener(OPEN_CANNED_PICKER_EVENT, open);
    return () => element.removeEventListener(OPEN_CANNED_PICKER_EVENT, open);
  }, [textarea]);
}
