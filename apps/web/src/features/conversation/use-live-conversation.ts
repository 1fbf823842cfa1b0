"use client";

import { useCallback, useMemo } from "react";
import { eventConversation } from "~/features/console/admin-event";
import { newerRow } from "~/features/inbox/conversation-order";
import { mergeMessages } from "./merge-messages";
import { withTranscriptMessage } from "./transcript-pages";
import type { ConversationRow, TranscriptMessage } from "~/features/console/types";
import { trpc } from "~/lib/trpc";
import { useAdminEvents } from "~/features/console/admin-events";

const TRANSCRIPT_PAGE = 50;

/**
 * One conversation kept current from `admin.onEvent`: status/stage changes update the row in the query
 * cache, new messages join the cached transcript (each once, by id). Older messages page in on demand.
 */
export function useLiveConversation(conversationId: string) {
  const utils = trpc.useUtils();
  // Read afresh on every visit (events kept the cache current only while this page was open); after
  // that the admin stream keeps it current, so no refetch on focus.
  const fresh = { staleTime: 0, refetchOnWindowFocus: false } as const;
  const details = trpc.conversations.byId.useQuery({ conversationId }, fresh);
  const transcript = useMemo(
    () => ({ conversationId, order: "desc" as const, limit: TRANSCRIPT_PAGE }),
    [conversationId],
  );
  const pages = trpc.conversations.messages.useInfiniteQuery(transcript, {
    ...fresh,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

  const applyRow = useCallback(
    (row: ConversationRow) => {
      if (row.conversationId !== conversationId) return;
      utils.conversations.byId.setData({ conversationId }, (old) =>
        old ? { ...old, conversation: newerRow(old.conversation, row) } : old,
      );
    },
    [utils, conversationId],
  );

  const putMessage = useCallback(
    (message: TranscriptMessage, options: { ifNew?: boolean }) => {
      const messages = utils.conversations.messages;
      // Before the first page has arrived, that page may predate the message: read it again.
      if (!messages.getInfiniteData(transcript)) void messages.invalidate(transcript);
      else
        messages.setInfiniteData(
          transcript,
          (data) => data && withTranscriptMessage(data, message, options),
        );
    },
    [utils, transcript],
  );
  const addMessage = useCallback(
    (message: TranscriptMessage) => putMessage(message, {}),
    [putMessage],
  );
  /** What a send answered: never older than what the live stream already brought. */
  const addSent = useCallback(
    (message: TranscriptMessage) => putMessage(message, { ifNew: true }),
    [putMessage],
  );

  useAdminEvents((event) => {
    if (event.type === "resync") {
      void utils.conversations.byId.invalidate({ conversationId });
      void utils.conversations.messages.invalidate({ conversationId });
      return;
    }
    if (event.type === "conversation.deleted" && event.payload.conversationId === conversationId) {
      // Erased elsewhere: read again, the page says it is gone instead of showing what it held.
      void utils.conversations.byId.invalidate({ conversationId });
      void utils.conversations.messages.invalidate({ conversationId });
      return;
    }
    const row = eventConversation(event);
    if (!row || row.conversationId !== conversationId) return;
    applyRow(row);
    // Someone refreshed the customer's profile: the card reads it again.
    if (event.type === "conversation.updated" && event.payload.change === "profile") {
      void utils.conversations.byId.invalidate({ conversationId });
      if (row.contactId) void utils.contacts.byId.invalidate({ contactId: row.contactId });
    }
    // A delivery status update (`message.updated`) replaces the stored copy, by id.
    if (event.type === "message.created" || event.type === "message.updated") {
      addMessage(event.payload.message);
    }
  });

  const loaded = pages.data?.pages;
  const messages = useMemo(
    () => mergeMessages(...(loaded ?? []).map((page) => page.items)),
    [loaded],
  );

  return { details, pages, messages, applyRow, addMessage, addSent };
}
