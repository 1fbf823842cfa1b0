"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Unsubscribable } from "@trpc/server/observable";
import { isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { trpc } from "~/lib/trpc";

export type SuggestState =
  | { phase: "idle" }
  | { phase: "streaming"; offline: boolean }
  | { phase: "done"; offline: boolean }
  | { phase: "stopped" }
  | { phase: "failed"; error: unknown };

/**
 * A suggested reply streamed into the composer's draft (`conversations.suggestReply`). The draft the
 * staff member had is sent along for the model to improve, and comes back if the suggestion fails.
 * Stopping (or leaving the page) unsubscribes, which stops the model call on the server.
 */
export function useSuggestReply(
  conversationId: string,
  draft: string,
  setDraft: (text: string) => void,
) {
  const utils = trpc.useUtils();
  const { sessionLost } = useSession();
  const [state, setState] = useState<SuggestState>({ phase: "idle" });
  const subscription = useRef<Unsubscribable | null>(null);

  const end = useCallback(() => {
    subscription.current?.unsubscribe();
    subscription.current = null;
  }, []);
  useEffect(() => end, [end]);

  const start = useCallback(() => {
    end();
    const original = draft;
    let text = "";
    let offline = false;
    setState({ phase: "streaming", offline });
    subscription.current = utils.client.conversations.suggestReply.subscribe(
      { conversationId, ...(original.trim() ? { draft: original.trim() } : {}) },
      {
        onData: ({ data: event }) => {
          if (event.type === "start") {
            // Also the first event of a stream resumed after a reconnect: it drafts again from scratch.
            text = "";
            offline = event.offline;
            setState({ phase: "streaming", offline });
          } else if (event.type === "delta") {
            text += event.text;
            setDraft(text);
          } else {
            setDraft(event.text);
            setState({ phase: "done", offline });
            end();
          }
        },
        onError: (error) => {
          if (isUnauthorized(error)) sessionLost();
          setDraft(original);
          setState({ phase: "failed", error });
          subscription.current = null;
        },
      },
    );
  }, [conversationId, draft, end, sessionLost, setDraft, utils]);

  const stop = useCallback(() => {
    end();
    setState({ phase: "stopped" });
  }, [end]);

  return { state, start, stop, streaming: state.phase === "streaming" };
}
