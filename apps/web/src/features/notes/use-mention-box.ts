"use client";

import { mentionQueryAt, type Mentionable } from "@agents-crm/config/notes";
import { useState, type KeyboardEvent, type RefObject } from "react";
import { trpc } from "~/lib/trpc";
import { matchingStaff } from "./mention-picker";

/**
 * A note box that offers colleagues after `@`: tracks the query at the caret, the active suggestion,
 * and puts `@Name ` in place of the query when one is picked.
 */
export function useMentionBox(
  text: string,
  setText: (text: string) => void,
  box: RefObject<HTMLTextAreaElement | null>,
) {
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const staff = trpc.conversations.mentionable.useQuery(undefined, { staleTime: 60_000 });
  const query = mentionQueryAt(text, caret);
  const matches =
    query !== null && dismissedAt !== query.start && staff.data !== undefined
      ? matchingStaff(staff.data, query.query)
      : null;
  // "No colleague by that name" only while the first word is typed: after a picked "@Name " the text
  // goes on, and the picker must not follow it.
  const open = matches !== null && (matches.length > 0 || !query?.query.includes(" "));
  const options = open ? matches : [];

  const change = (next: string, at: number) => {
    setText(next);
    setCaret(at);
    setActive(0);
  };

  const pick = (member: Mentionable) => {
    if (!query) return;
    const inserted = `@${member.name} `;
    const next = text.slice(0, query.start) + inserted + text.slice(caret);
    const at = query.start + inserted.length;
    change(next, at);
    // After React has put the new text in; not if typing went on meanwhile (it would move the caret back).
    requestAnimationFrame(() => {
      if (box.current?.value === next) box.current.setSelectionRange(at, at);
    });
  };

  /** True when the key was the picker's (the box must not act on it too). */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || options.length === 0) return false;
    switch (event.key) {
      case "ArrowDown":
        setActive((i) => (i + 1) % options.length);
        break;
      case "ArrowUp":
        setActive((i) => (i - 1 + options.length) % options.length);
        break;
      case "Enter":
      case "Tab": {
        const member = options[Math.min(active, options.length - 1)];
        if (member) pick(member);
        break;
      }
      case "Escape":
        if (query) setDismissedAt(query.start);
        break;
      default:
        return false;
    }
    event.preventDefault();
    return true;
  };

  return {
    open,
    options,
    active: Math.min(active, Math.max(0, options.length - 1)),
    pick,
    onKeyDown,
    /** For the textarea's onChange and onSelect: the text and where the caret is. */
    onInput: (target: HTMLTextAreaElement) => change(target.value, target.selectionStart),
    onCaret: (target: HTMLTextAreaElement) => setCaret(target.selectionStart),
  };
}
