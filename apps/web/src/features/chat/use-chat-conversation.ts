"use client";

import { skipToken } from "@tanstack/react-query";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { chatReducer, initialChatState } from "./chat-reducer";
import {
  browserStorage,
  forgetChatSession,
  readChatSession,
  writeChatSession,
  type KeyValueStorage,
} from "./chat-session-storage";
import type { ChatHistoryPage, ChatSession } from "./chat-types";
import { connectionState } from "./connection-state";
import { describeSendError, trpcErrorCode } from "./send-errors";
import { trpc } from "~/lib/trpc";

const PAGE_SIZE = 50;
/** How long a first message waits for the live stream, so its reply can stream in. */
const LIVE_WAIT_MS = 4_000;
const RESUBSCRIBE_MS = 2_000;

export type LoadState = "loading" | "ready" | "failed";

let clientIds = 0;
const newClientId = () => `out:${Date.now().toString(36)}:${++clientIds}`;

/**
 * The visitor's conversation with one agent: resumed from this browser's own token (never anyone
 * else's), started on the first message, kept live over the WebSocket from the history's event cursor.
 */
export function useChatConversation(agentId: string) {
  const client = trpc.useUtils().client;
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  const [session, setSession] = useState<ChatSession | null>(null);
  const [load, setLoad] = useState<LoadState>("loading");
  const [loadAttempt, setLoadAttempt] = useState(0);
  const [ended, setEnded] = useState(false);
  const [agentGone, setAgentGone] = useState(false);
  const [resumeFrom, setResumeFrom] = useState<string | null>(null);
  const [wasLive, setWasLive] = useState(false);
  const storage = useRef<KeyValueStorage | null>(null);
  const sessionRef = useRef<ChatSession | null>(null);
  const lastEventId = useRef<string | null>(null);
  const liveWaiters = useRef<Array<() => void>>([]);

  const storageOf = () => (storage.current ??= browserStorage());

  const adopt = useCallback((next: ChatSession | null, cursor: string | null) => {
    sessionRef.current = next;
    lastEventId.current = cursor;
    setSession(next);
    setResumeFrom(cursor);
    setWasLive(false);
  }, []);

  const applyNewest = useCallback((page: ChatHistoryPage) => {
    dispatch({
      type: "history",
      messages: [...page.items].reverse(),
      status: page.status,
      olderCursor: page.nextCursor,
    });
  }, []);

  const fetchNewest = useCallback(
    (current: ChatSession) =>
      client.chat.history.query({ ...current, order: "desc", limit: PAGE_SIZE }),
    [client],
  );

  const conversationEnded = useCallback(() => {
    forgetChatSession(storageOf(), agentId);
    adopt(null, null);
    dispatch({ type: "reset" });
    setEnded(true);
  }, [adopt, agentId]);

  useEffect(() => {
    const stored = readChatSession(storageOf(), agentId);
    if (!stored) {
      setLoad("ready");
      return;
    }
    let cancelled = false;
    setLoad("loading");
    fetchNewest(stored).then(
      (page) => {
        if (cancelled) return;
        applyNewest(page);
        adopt(stored, page.eventCursor);
        setLoad("ready");
      },
      (error: unknown) => {
        if (cancelled) return;
        if (trpcErrorCode(error) === "NOT_FOUND") {
          conversationEnded();
          setLoad("ready");
        } else {
          setLoad("failed");
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [agentId, loadAttempt, fetchNewest, applyNewest, adopt, conversationEnded]);

  const subscription = trpc.chat.onEvent.useSubscription(
    session ? { ...session, lastEventId: resumeFrom } : skipToken,
    {
      onStarted: () => {
        setWasLive(true);
        for (const wake of liveWaiters.current) wake();
      },
      onData: (tracked) => {
        lastEventId.current = tracked.id;
        dispatch({ type: "event", id: tracked.id, event: tracked.data });
      },
    },
  );
  const { status: subscriptionStatus, error: subscriptionError, reset } = subscription;

  // The WebSocket client reconnects and resumes by itself; this restarts a subscription the server ended.
  useEffect(() => {
    if (subscriptionStatus !== "error") return;
    if (trpcErrorCode(subscriptionError) === "NOT_FOUND") {
      conversationEnded();
      return;
    }
    const timer = setTimeout(() => {
      if (lastEventId.current !== resumeFrom) setResumeFrom(lastEventId.current);
      else reset();
    }, RESUBSCRIBE_MS);
    return () => clearTimeout(timer);
  }, [subscriptionStatus, subscriptionError, resumeFrom, reset, conversationEnded]);

  useEffect(() => {
    if (!state.resyncRequested || !session) return;
    let cancelled = false;
    fetchNewest(session).then(
      (page) => {
        if (cancelled) return;
        applyNewest(page);
        lastEventId.current = page.eventCursor;
        setResumeFrom(page.eventCursor);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [state.resyncRequested, session, fetchNewest, applyNewest]);

  const waitUntilLive = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        liveWaiters.current = liveWaiters.current.filter((waiter) => waiter !== done);
        resolve();
      };
      const timer = setTimeout(done, LIVE_WAIT_MS);
      liveWaiters.current.push(done);
    });

  const send = async (content: string, clientId = newClientId()) => {
    dispatch({ type: "send", clientId, content });
    let step: "start" | "send" = "start";
    try {
      let current = sessionRef.current;
      if (!current) {
        current = await client.chat.start.mutate({ agentId });
        writeChatSession(storageOf(), agentId, current);
        setEnded(false);
        const live = waitUntilLive();
        adopt(current, null);
        await live;
      }
      step = "send";
      const result = await client.chat.send.mutate({ ...current, content });
      dispatch({ type: "sent", clientId, result });
    } catch (error) {
      const problem = describeSendError(error, step);
      if (problem.forgetConversation) {
        conversationEnded();
        dispatch({ type: "send", clientId, content });
      }
      if (problem.closed) dispatch({ type: "status", status: "CLOSED" });
      if (problem.agentUnavailable) setAgentGone(true);
      dispatch({ type: "sendFailed", clientId, error: problem.reason });
    }
  };

  const retry = (clientId: string) => {
    const item = state.items.find((each) => each.kind === "outgoing" && each.key === clientId);
    if (item?.kind === "outgoing") void send(item.content, clientId);
  };

  const startNew = () => {
    forgetChatSession(storageOf(), agentId);
    adopt(null, null);
    dispatch({ type: "reset" });
    setEnded(false);
  };

  const loadOlder = async () => {
    const cursor = state.olderCursor;
    if (!session || !cursor) return;
    const page = await client.chat.history.query({
      ...session,
      cursor,
      order: "desc",
      limit: PAGE_SIZE,
    });
    dispatch({ type: "older", messages: [...page.items].reverse(), olderCursor: page.nextCursor });
  };

  return {
    state,
    load,
    /** The stored conversation could not be resumed (expired or closed for good): a new one starts. */
    ended,
    agentGone,
    connection: session ? connectionState(subscriptionStatus, wasLive) : ("off" as const),
    send: (content: string) => void send(content),
    retry,
    withdraw: (clientId: string) => dispatch({ type: "withdraw", clientId }),
    startNew,
    loadOlder,
    reload: () => setLoadAttempt((n) => n + 1),
  };
}

export type ChatConversation = ReturnType<typeof useChatConversation>;
