import type { AdminSession } from "@agents-crm/db";
import type { ApiDeps } from "../deps";

export const sessionTtlSeconds = (deps: Pick<ApiDeps, "env">) =>
  Math.round(deps.env.SESSION_TTL_HOURS * 3600);

/**
 * Sliding expiry: a session used after half its life is extended to a full lifetime again, so people
 * who keep working stay signed in while an abandoned session still dies on time. Writing only past
 * half-life keeps this to one write per half-lifetime instead of one per request.
 */
export async function renewIfPastHalfLife(
  deps: Pick<ApiDeps, "env" | "repos">,
  token: string,
  session: AdminSession,
): Promise<number | null> {
  const ttl = sessionTtlSeconds(deps);
  const remaining = session.expiresAt - Date.now() / 1000;
  if (remaining > ttl / 2) return null;
  const renewed = await deps.repos.sessions.touchSession(token, { extendSeconds: ttl });
  return renewed ? ttl : null;
}
