"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { chatReducer, initialChatState, type ChatAction, type ChatState } from "./chat-reducer";
import type { ChatHistoryPage, ChatSession } from "./chat-types";
import { trpc } from "~/lib/trpc";

export const PAGE_SIZE = 50;

const transcriptKey = (agentId: string) => ["chat", "transcript", agentId] as const;

/**
 * Every change to the visitor's transcript (live events, sends and their failures, older pages) is
 * the pure `chatReducer` applied to its query-cache entry.
 */
export function useTranscriptApply(agentId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (action: ChatAction) =>
      void queryClient.setQueryData<ChatState>(transcriptKey(agentId), (state) =>
        chatReducer(state ?? initialChatState, action),
      ),
    [queryClient, agentId],
  );
}

type NewestPage = (session: ChatSession) => Promise<ChatHistoryPage>;

/**
 * The visitor's transcript as one query-cache entry, read by `read`: given a way to fetch the newest
 * history page, it returns what to apply (null leaves the transcript as it is).
 */
export function useChatTranscript(
  agentId: string,
  read: (newest: NewestPage) => Promise<ChatAction | null>,
) {
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();

  const query = useQuery({
    queryKey: transcriptKey(agentId),
    queryFn: async () => {
      const action = await read((session) =>
        utils.chat.history.fetch({ ...session, order: "desc", limit: PAGE_SIZE }, { staleTime: 0 }),
      );
      // Events and sends may have changed the transcript while the page was on its way.
      const latest =
        queryClient.getQueryData<ChatState>(transcriptKey(agentId)) ?? initialChatState;
      return action ? chatReducer(latest, action) : latest;
    },
    // Read on every mount (the stored session may have changed) and when a resync asks; the live
    // stream keeps it current in between.
    gcTime: 0,
    refetchOnMount: "always",
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });

  const olderPage = useCallback(
    (session: ChatSession, cursor: string) =>
      utils.chat.history.fetch({ ...session, cursor, order: "desc", limit: PAGE_SIZE }),
    [utils],
  );

  return { query, state: query.data ?? initialChatState, olderPage };
}
