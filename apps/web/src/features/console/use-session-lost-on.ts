"use client";

import { useEffect } from "react";
import { isUnauthorized } from "./api-error";
import { useSession } from "./session-context";

/** A read that failed because the session ended goes back to sign-in (it shows no error of its own). */
export function useSessionLostOn(error: unknown): void {
  const { sessionLost } = useSession();
  useEffect(() => {
    if (isUnauthorized(error)) sessionLost();
  }, [error, sessionLost]);
}
