"use client";

import { useEffect, useMemo, useRef } from "react";
import { useAdminEvents } from "~/features/console/admin-events";
import type { AdminEvent, Channel } from "~/features/console/types";
import { trpc } from "~/lib/trpc";

/** A customer message is a message and an activity change at once: one read for the burst. */
const REREAD_DELAY_MS = 300;

export interface UnreadView {
  agentId?: string;
  channel?: Channel;
  stage?: string;
  /** "me", "unassigned" or a colleague's id (the Mine / Unassigned views); absent: everyone's. */
  assignee?: string;
}

/** The query input of a view: only the filters it sets, so equal views share one cached read. */
export function unreadInput(view: UnreadView): UnreadView {
  const input: UnreadView = {};
  if (view.agentId !== undefined) input.agentId = view.agentId;
  if (view.channel !== undefined) input.channel = view.channel;
  if (view.stage !== undefined) input.stage = view.stage;
  if (view.assignee !== undefined) input.assignee = view.assignee;
  return input;
}

/** Events after which the caller's unread counts may have changed. */
export function movesUnread(event: AdminEvent): boolean {
  switch (event.type) {
    case "message.created":
      return event.payload.message.role === "user";
    case "conversation.read":
    case "conversation.created":
    case "conversation.updated":
    case "conversation.escalated":
    case "conversation.deleted":
    case "resync":
      return true;
    case "contact.erased":
    case "message.updated":
    case "stages.updated":
    case "audit.appended":
    case "channel.token_problem":
      return false;
  }
}

/**
 * The caller's unread conversations per status in a view (the list's filters and assignee view), read when the console
 * opens and again, shortly, after each event that can change them (a customer message, a read, a move).
 */
export function useUnreadCounts(view: UnreadView) {
  const utils = trpc.useUtils();
  const input = useMemo(
    () =>
      unreadInput({
        agentId: view.agentId,
        channel: view.channel,
        stage: view.stage,
        assignee: view.assignee,
      }),
    [view.agentId, view.channel, view.stage, view.assignee],
  );
  const query = trpc.conversations.unreadCounts.useQuery(input, {
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: true,
    retryDelay: 5_000,
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useAdminEvents((event) => {
    if (!movesUnread(event)) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(
      () => void utils.conversations.unreadCounts.invalidate(input),
      REREAD_DELAY_MS,
    );
  });
  return query.data ?? null;
}
