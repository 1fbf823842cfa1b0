"use client";

import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";
import type { RequestLimitState } from "./request-limit-state";

const RequestLimitContext = createContext<RequestLimitState | null>(null);

export function RequestLimitProvider({
  state,
  children,
}: {
  state: RequestLimitState;
  children: ReactNode;
}) {
  return <RequestLimitContext.Provider value={state}>{children}</RequestLimitContext.Provider>;
}

const never = () => () => {};

/** Until when refused requests are held back (epoch ms), or null. */
export function useRequestLimitUntil(): number | null {
  const state = useContext(RequestLimitContext);
  return useSyncExternalStore(
    state?.subscribe ?? never,
    () => state?.until() ?? null,
    () => null,
  );
}
