"use client";

import { useEffect, useRef } from "react";
import { useAdminEvents } from "~/features/console/admin-events";
import { trpc } from "~/lib/trpc";

/**
 * Opening a conversation reads it, for the caller only: on open, on each customer message that arrives
 * while it is on screen, and when its tab comes back to the front after one arrived in the background.
 */
export function useMarkRead(conversationId: string) {
  const { mutate } = trpc.conversations.markRead.useMutation();
  const unseen = useRef(false);

  useEffect(() => {
    mutate({ conversationId });
    const onVisible = () => {
      if (document.visibilityState !== "visible" || !unseen.current) return;
      unseen.current = false;
      mutate({ conversationId });
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [conversationId, mutate]);

  useAdminEvents((event) => {
    if (event.type !== "message.created" || event.payload.message.role !== "user") return;
    if (event.payload.conversation.conversationId !== conversationId) return;
    if (document.visibilityState === "visible") mutate({ conversationId });
    else unseen.current = true;
  });
}
