"use client";

import { skipToken } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ChatAction } from "./chat-reducer";
import type { ChatSession } from "./chat-types";
import { connectionState } from "./connection-state";
import { trpcErrorCode } from "./send-errors";
import { trpc } from "~/lib/trpc";

/** How long a first message waits for the live stream, so its reply can stream in. */
const LIVE_WAIT_MS = 4_000;
const RESUBSCRIBE_MS = 2_000;

/**
 * The conversation this browser follows and its `chat.onEvent` stream, each event applied to the
 * transcript. The WebSocket client reconnects and resumes by itself; this restarts a subscription the
 * server ended (from the last event seen). When the server no longer knows the conversation, it stops
 * following it and calls `gone`.
 */
export function useChatLive(apply: (action: ChatAction) => void, gone: () => void) {
  const [session, setSession] = useState<ChatSession | null>(null);
  const [resumeFrom, setResumeFrom] = useState<string | null>(null);
  const [wasLive, setWasLive] = useState(false);
  const sessionRef = useRef<ChatSession | null>(null);
  const lastEventId = useRef<string | null>(null);
  const liveWaiters = useRef<Array<() => void>>([]);

  /** Listen from `cursor` on (after a history page that ends there). */
  const resumeAt = useCallback((cursor: string | null) => {
    lastEventId.current = cursor;
    setResumeFrom(cursor);
  }, []);

  /** Follow another conversation (or none), from `cursor` on. */
  const adopt = useCallback(
    (next: ChatSession | null, cursor: string | null) => {
      sessionRef.current = next;
      setSession(next);
      resumeAt(cursor);
      setWasLive(false);
    },
    [resumeAt],
  );

  const subscription = trpc.chat.onEvent.useSubscription(
    session ? { ...session, lastEventId: resumeFrom } : skipToken,
    {
      onStarted: () => {
        setWasLive(true);
        for (const wake of liveWaiters.current) wake();
      },
      onData: (tracked) => {
        lastEventId.current = tracked.id;
        apply({ type: "event", id: tracked.id, event: tracked.data });
      },
      onError: (error) => {
        if (trpcErrorCode(error) !== "NOT_FOUND") return;
        adopt(null, null);
        gone();
      },
    },
  );
  const { status, error, reset } = subscription;
  const ended = status === "error" && trpcErrorCode(error) === "NOT_FOUND";

  useEffect(() => {
    if (status !== "error" || ended) return;
    const timer = setTimeout(() => {
      if (lastEventId.current !== resumeFrom) setResumeFrom(lastEventId.current);
      else reset();
    }, RESUBSCRIBE_MS);
    return () => clearTimeout(timer);
  }, [status, ended, resumeFrom, reset]);

  /** Resolves once the stream is live (or after a short wait), so a first reply can stream in. */
  const untilLive = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        liveWaiters.current = liveWaiters.current.filter((waiter) => waiter !== done);
        resolve();
      };
      const timer = setTimeout(done, LIVE_WAIT_MS);
      liveWaiters.current.push(done);
    });

  return {
    session,
    /** The session as of now (state lags a render behind). */
    current: () => sessionRef.current,
    adopt,
    resumeAt,
    untilLive,
    connection: session ? connectionState(status, wasLive) : ("off" as const),
  };
}
