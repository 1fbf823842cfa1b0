import type { ApiDeps } from "../deps";
import { tokensMatch } from "./machine-token";
import type { Principal } from "./principal";
import { renewIfPastHalfLife } from "./session-renewal";

export interface Credentials {
  bearer: string | null;
  sessionToken: string | null;
}

const anonymous: Principal = { kind: "anonymous" };

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
  const session = await deps.repos.sessions.getSession(credentials.sessionToken);
  if (!session) return anonymous;
  const user = await deps.repos.adminUsers.getById(session.userId);
  if (!user || !user.isActive) return anonymous;
  const renewedFor = await renewIfPastHalfLife(deps, credentials.sessionToken, session);
  if (renewedFor !== null) options.onSessionRenewed?.(credentials.sessionToken, renewedFor);
  return {
    kind: "user",
    id: user.userId,
    name: user.name,
    email: user.email,
    role: user.role,
    sessionId: session.sessionId,
  };
}
