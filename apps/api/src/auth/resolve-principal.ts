import type { AdminSession, AdminUser } from "@agents-crm/db";
import type { ApiDeps } from "../deps";
import { tokensMatch } from "./machine-token";
import type { Principal } from "./principal";
import { renewIfPastHalfLife } from "./session-renewal";

export interface Credentials {
  bearer: string | null;
  sessionToken: string | null;
  /** The sign-in code request this browser made (auth/login-challenge.ts); authenticates nothing. */
  loginChallenge?: string | null;
}

const anonymous: Principal = { kind: "anonymous" };

export type UserPrincipal = Extract<Principal, { kind: "user" }>;

/**
 * The account behind a session token, and when the session ends (epoch seconds); null once the session
 * is gone, expired or its account inactive. Reads only: it never extends the session.
 */
export async function readSession(
  deps: Pick<ApiDeps, "repos">,
  sessionToken: string,
): Promise<{ principal: UserPrincipal; session: AdminSession } | null> {
  const session = await deps.repos.sessions.getSession(sessionToken);
  if (!session) return null;
  const user = await deps.repos.adminUsers.getById(session.userId);
  if (!user || !user.isActive) return null;
  return { principal: userPrincipal(user, session.sessionId), session };
}

/** The principal of `user` signed in with session `sessionId`. */
export function userPrincipal(user: AdminUser, sessionId: string): UserPrincipal {
  return {
    kind: "user",
    id: user.userId,
    name: user.name,
    email: user.email,
    role: user.role,
    sessionId,
  };
}

/**
 * The machine token wins; otherwise a live session of an active account. Deactivating a user or
 * revoking a session takes effect on the next call, on HTTP and on open WebSockets alike.
 */
export async function resolvePrincipal(
  deps: ApiDeps,
  credentials: Credentials,
  options: { onSessionRenewed?: (token: string, maxAgeSeconds: number) => void } = {},
): Promise<Principal> {
  const expected = deps.env.ADMIN_TOKEN;
  if (credentials.bearer && expected && tokensMatch(credentials.bearer, expected)) {
    return { kind: "machine", id: "machine", name: "API token", role: "owner" };
  }
  if (!credentials.sessionToken) return anonymous;
  const found = await readSession(deps, credentials.sessionToken);
  if (!found) return anonymous;
  const renewedFor = await renewIfPastHalfLife(deps, credentials.sessionToken, found.session);
  if (renewedFor !== null) options.onSessionRenewed?.(credentials.sessionToken, renewedFor);
  return found.principal;
}
