"use client";

import { createContext, useContext } from "react";
import type { SignedInUser } from "./types";

export interface Session {
  user: SignedInUser;
  /** The session ended under us (expired, revoked, signed out elsewhere): go and sign in again. */
  sessionLost: () => void;
  /** The user asked to sign out: whatever ends because of it leads to the plain sign-in page. */
  signingOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside the admin console");
  return session;
}
