"use client";

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { isUnauthorized } from "./api-error";
import { eventIdFloor } from "@agents-crm/config/event-ids";
import type { AdminEvent } from "./types";
import { trpc } from "~/lib/trpc";
import { useSession } from "./session-context";

export type LiveState = "connecting" | "live" | "reconnecting";
type Listener = (event: AdminEvent, eventId: string) => void;

interface AdminEvents {
  state: LiveState;
  /** Ids below this were replayed from before the console opened (no alerts for those). */
  openedAt: string;
  subscribe: (listener: Listener) => () => void;
}

const AdminEventsContext = createContext<AdminEvents | null>(null);

/** Events from a little before the console opened are replayed, so nothing between a page's first read and the socket is lost. */
const REPLAY_MS = 15_000;
const RETRY_AFTER_ERROR_MS = 3_000;

/**
 * The console's one live feed (`admin.onEvent`), shared by the sidebar, the list and the detail page.
 * The WebSocket link reconnects by itself and resumes from the last event id; an error that ends the
 * subscription is retried here, except a lost session, which goes back to sign-in.
 */
export function AdminEventsProvider({ children }: { children: ReactNode }) {
  const { sessionLost } = useSession();
  const listeners = useRef(new Set<Listener>());
  const [opened] = useState(() => {
    const now = Date.now();
    return { openedAt: eventIdFloor(now), input: { lastEventId: eventIdFloor(now - REPLAY_MS) } };
  });
  const [wasLive, setWasLive] = useState(false);

  const subscription = trpc.admin.onEvent.useSubscription(opened.input, {
    onStarted: () => setWasLive(true),
    onData: (item) => {
      for (const listener of listeners.current) listener(item.data, item.id);
    },
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });

  const { status, reset } = subscription;
  useEffect(() => {
    if (status !== "error") return;
    const timer = setTimeout(reset, RETRY_AFTER_ERROR_MS);
    return () => clearTimeout(timer);
  }, [status, reset]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const state: LiveState = status === "pending" ? "live" : wasLive ? "reconnecting" : "connecting";
  const value = useMemo(
    () => ({ state, openedAt: opened.openedAt, subscribe }),
    [state, opened.openedAt, subscribe],
  );
  return <AdminEventsContext.Provider value={value}>{children}</AdminEventsContext.Provider>;
}

function useAdminEventsContext(): AdminEvents {
  const context = useContext(AdminEventsContext);
  if (!context) throw new Error("admin events used outside AdminEventsProvider");
  return context;
}

export function useLiveState(): LiveState {
  return useAdminEventsContext().state;
}

export function useConsoleOpenedAt(): string {
  return useAdminEventsContext().openedAt;
}

/** Calls `listener` for every admin event while the component is mounted (always the latest listener). */
export function useAdminEvents(listener: Listener): void {
  const { subscribe } = useAdminEventsContext();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => subscribe((event, id) => latest.current(event, id)), [subscribe]);
}
