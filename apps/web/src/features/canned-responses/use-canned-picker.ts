"use client";

import { fillCannedVariables, type CannedVariable } from "@agents-crm/config/canned-responses";
import {
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
  type SyntheticEvent,
} from "react";
import { trpc } from "~/lib/trpc";
import { insertAt, slashQueryAt, type SlashQuery } from "./slash-query";
import { useOpenPickerEvent } from "./use-open-picker-event";
import type { CannedResponseRow } from "./types";

const PICKER_SIZE = 8;

export type CannedValues = Partial<Record<CannedVariable, string | null>>;

/**
 * The composer's `/` picker: what is typed after a `/` at the start of a word searches the responses
 * usable with this conversation's agent (most used first); arrows move, Enter or Tab inserts with the
 * variables filled, Escape closes. Inserted responses are counted once the reply is sent.
 */
export function useCannedPicker({
  text,
  setText,
  textarea,
  agentId,
  values,
}: {
  text: string;
  setText: (text: string) => void;
  textarea: RefObject<HTMLTextAreaElement | null>;
  agentId: string;
  values: CannedValues;
}) {
  const listId = useId();
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  // Escape closes the picker for this `/`; typing a new one opens it again.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const used = useRef(new Set<string>());
  const recordUse = trpc.cannedResponses.recordUse.useMutation();

  const slash: SlashQuery | null = caret === null ? null : slashQueryAt(text, caret);
  const open = slash !== null && slash.start !== dismissedAt;
  const query = trpc.cannedResponses.list.useQuery(
    { sort: "use", agentId, search: slash?.query || undefined, limit: PICKER_SIZE },
    { enabled: open, placeholderData: (previous) => previous },
  );
  const options: CannedResponseRow[] = open ? (query.data?.items ?? []) : [];
  const selected = Math.min(active, Math.max(0, options.length - 1));

  useOpenPickerEvent(textarea, (next, at) => {
    setText(next);
    setCaret(at);
    setDismissedAt(null);
  });

  const insert = (response: CannedResponseRow) => {
    if (!slash) return;
    const filled = fillCannedVariables(response.content, values);
    const next = insertAt(text, slash, filled);
    setText(next.text);
    setCaret(next.caret);
    used.current.add(response.responseId);
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  /** True when the key was the picker's (the composer must not also act on it). */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || event.nativeEvent.isComposing) return false;
    if (event.key === "Escape") {
      event.preventDefault();
      setDismissedAt(slash.start);
      return true;
    }
    if (options.length === 0) return false;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((selected + step + options.length) % options.length);
      return true;
    }
    if ((event.key === "Enter" && !event.shiftKey) || event.key === "Tab") {
      const choice = options[selected];
      if (!choice) return false;
      event.preventDefault();
      insert(choice);
      return true;
    }
    return false;
  };

  const onSelect = (event: SyntheticEvent<HTMLTextAreaElement>) => {
    const at = event.currentTarget.selectionStart;
    // Once the dismissed `/word` is gone, the next `/` (even at the same place) opens the picker again.
    if (!slashQueryAt(event.currentTarget.value, at)) setDismissedAt(null);
    if (at !== caret) {
      setCaret(at);
      setActive(0);
    }
  };

  /** The reply went out: each response it used counts once. */
  const onSent = () => {
    for (const responseId of used.current) recordUse.mutate({ responseId });
    used.current.clear();
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return {
    open,
    loading: open && query.isPending,
    options,
    selected,
    listId,
    optionId,
    insert,
    onSent,
    onKeyDown,
    onSelect,
    textareaProps: {
      "aria-autocomplete": "list" as const,
      "aria-expanded": open,
      "aria-controls": open ? listId : undefined,
      "aria-activedescendant": open && options.length > 0 ? optionId(selected) : undefined,
    },
  };
}

export type CannedPicker = ReturnType<typeof useCannedPicker>;
