"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ChatAction } from "./chat-reducer";
import {
  browserStorage,
  forgetChatSession,
  readChatSession,
  writeChatSession,
  type KeyValueStorage,
} from "./chat-session-storage";
import type { ChatHistoryPage } from "./chat-types";
import { describeSendError, trpcErrorCode } from "./send-errors";
import { useChatLive } from "./use-chat-live";
import { useChatTranscript, useTranscriptApply } from "./use-chat-transcript";
import { trpc } from "~/lib/trpc";

export type LoadState = "loading" | "ready" | "failed";

let clientIds = 0;
const newClientId = () => `out:${Date.now().toString(36)}:${++clientIds}`;

const oldestFirst = (page: ChatHistoryPage) => [...page.items].reverse();

/**
 * The visitor's conversation with one agent: resumed from this browser's own token (never anyone
 * else's), started on the first message, kept live over the WebSocket from the history's event cursor.
 */
export function useChatConversation(agentId: string) {
  const [ended, setEnded] = useState(false);
  const [agentGone, setAgentGone] = useState(false);
  const storage = useRef<KeyValueStorage | null>(null);
  const storageOf = useCallback(() => (storage.current ??= browserStorage()), []);
  const apply = useTranscriptApply(agentId);
  /** The stored conversation is gone (expired or closed for good): a new one starts. */
  const forgetConversation = useCallback(() => {
    forgetChatSession(storageOf(), agentId);
    apply({ type: "reset" });
    setEnded(true);
  }, [storageOf, agentId, apply]);
  const live = useChatLive(apply, forgetConversation);
  const { adopt, resumeAt, current } = live;
  const startChat = trpc.chat.start.useMutation();
  const sendMessage = trpc.chat.send.useMutation();

  const conversationEnded = () => {
    adopt(null, null);
    forgetConversation();
  };

  /** The newest history page: the stored conversation resumed, or the current one read again. */
  const transcript = useChatTranscript(agentId, async (newest): Promise<ChatAction | null> => {
    const known = current();
    const session = known ?? readChatSession(storageOf(), agentId);
    if (!session) return null;
    try {
      const page = await newest(session);
      // Started afresh meanwhile: this page belongs to a conversation no longer shown.
      if (current() !== known) return null;
      if (known) resumeAt(page.eventCursor);
      else adopt(session, page.eventCursor);
      return {
        type: "history",
        messages: oldestFirst(page),
        status: page.status,
        olderCursor: page.nextCursor,
      };
    } catch (error) {
      if (trpcErrorCode(error) !== "NOT_FOUND") throw error;
      conversationEnded();
      return { type: "reset" };
    }
  });
  const { state, olderPage } = transcript;
  const { data, isError, refetch } = transcript.query;

  // The server lost track of what this client missed: read the newest page again.
  useEffect(() => {
    if (state.resyncRequested && live.session) void refetch();
  }, [state.resyncRequested, live.session, refetch]);

  const send = async (content: string, clientId = newClientId()) => {
    // Shown at once; marked failed (to retry or take back) if it does not get through.
    apply({ type: "send", clientId, content });
    let step: "start" | "send" = "start";
    try {
      let session = current();
      if (!session) {
        session = await startChat.mutateAsync({ agentId });
        writeChatSession(storageOf(), agentId, session);
        setEnded(false);
        const isLive = live.untilLive();
        adopt(session, null);
        await isLive;
      }
      step = "send";
      const result = await sendMessage.mutateAsync({ ...session, content });
      apply({ type: "sent", clientId, result });
    } catch (error) {
      const problem = describeSendError(error, step);
      if (problem.forgetConversation) {
        conversationEnded();
        apply({ type: "send", clientId, content });
      }
      if (problem.closed) apply({ type: "status", status: "CLOSED" });
      if (problem.agentUnavailable) setAgentGone(true);
      apply({ type: "sendFailed", clientId, error: problem.reason });
    }
  };

  const retry = (clientId: string) => {
    const item = state.items.find((each) => each.kind === "outgoing" && each.key === clientId);
    if (item?.kind === "outgoing") void send(item.content, clientId);
  };

  const startNew = () => {
    forgetChatSession(storageOf(), agentId);
    adopt(null, null);
    apply({ type: "reset" });
    setEnded(false);
  };

  const loadOlder = async () => {
    const cursor = state.olderCursor;
    if (!live.session || !cursor) return;
    const page = await olderPage(live.session, cursor);
    apply({ type: "older", messages: oldestFirst(page), olderCursor: page.nextCursor });
  };

  // A resync that failed keeps the transcript shown: only a first read that failed is "failed".
  const load: LoadState = data ? "ready" : isError ? "failed" : "loading";
  return {
    state,
    load,
    /** The stored conversation could not be resumed (expired or closed for good): a new one starts. */
    ended,
    agentGone,
    connection: live.connection,
    send: (content: string) => void send(content),
    retry,
    withdraw: (clientId: string) => apply({ type: "withdraw", clientId }),
    startNew,
    loadOlder,
    reload: () => void refetch(),
  };
}

export type ChatConversation = ReturnType<typeof useChatConversation>;
