"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { oldestFirst, readNewest } from "./chat-resume";
import {
  browserStorage,
  forgetChatSession,
  readChatSession,
  writeChatSession,
  type KeyValueStorage,
} from "./chat-session-storage";
import { useChatLive } from "./use-chat-live";
import { useChatSend } from "./use-chat-send";
import { useChatTranscript, useTranscriptApply } from "./use-chat-transcript";

export type LoadState = "loading" | "ready" | "failed";

let sentWithFiles = 0;

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

  const conversationEnded = () => {
    adopt(null, null);
    forgetConversation();
  };

  const transcript = useChatTranscript(agentId, (newest) =>
    readNewest(newest, {
      current,
      stored: () => readChatSession(storageOf(), agentId),
      resumeAt,
      adopt,
      ended: conversationEnded,
    }),
  );
  const { state, olderPage } = transcript;
  const { data, isError, refetch } = transcript.query;

  // The server lost track of what this client missed: read the newest page again.
  useEffect(() => {
    if (state.resyncRequested && live.session) void refetch();
  }, [state.resyncRequested, live.session, refetch]);

  const send = useChatSend(agentId, {
    apply,
    current,
    begin: async (session) => {
      writeChatSession(storageOf(), agentId, session);
      setEnded(false);
      const isLive = live.untilLive();
      adopt(session, null);
      await isLive;
    },
    forget: conversationEnded,
    agentUnavailable: () => setAgentGone(true),
  });

  // The files of messages not yet sent, so a retry sends them again.
  const outgoingFiles = useRef(new Map<string, readonly File[]>());
  const sendWithFiles = (content: string, clientId?: string, files: readonly File[] = []) => {
    const id = clientId ?? `out:${Date.now().toString(36)}:${++sentWithFiles}`;
    if (files.length > 0) outgoingFiles.current.set(id, files);
    return send(content, id, files);
  };

  const retry = (clientId: string) => {
    const item = state.items.find((each) => each.kind === "outgoing" && each.key === clientId);
    if (item?.kind === "outgoing")
      void sendWithFiles(item.content, clientId, outgoingFiles.current.get(clientId));
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
    send: (content: string, files: readonly File[] = []) =>
      void sendWithFiles(content, undefined, files),
    retry,
    /** Takes a failed message back; returns its files, for the composer to hold again. */
    withdraw: (clientId: string): readonly File[] => {
      const files = outgoingFiles.current.get(clientId) ?? [];
      outgoingFiles.current.delete(clientId);
      apply({ type: "withdraw", clientId });
      return files;
    },
    startNew,
    loadOlder,
    reload: () => void refetch(),
  };
}

export type ChatConversation = ReturnType<typeof useChatConversation>;
