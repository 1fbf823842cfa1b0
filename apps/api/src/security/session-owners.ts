import { hashSessionToken } from "@agents-crm/db";

/**
 * Which account a session token belongs to, remembered for a few minutes so the rate limit can count a
 * signed-in caller per account without a database read per request. Only the budget is chosen from it:
 * every call still authenticates afresh, so a revoked session stays revoked. Bounded like the limiter.
 */
const OWNER_MS = 5 * 60_000;
const NO_OWNER_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  userId: string | null;
  until: number;
}

const owners = new Map<string, Entry>();

/** The account, null for a token that is no session, undefined when not known (look it up). */
export function cachedSessionOwner(token: string, now = Date.now()): string | null | undefined {
  const key = hashSessionToken(token);
  const entry = owners.get(key);
  if (!entry) return undefined;
  if (entry.until <= now) {
    owners.delete(key);
    return undefined;
  }
  return entry.userId;
}

export function rememberSessionOwner(token: string, userId: string | null, now = Date.now()): void {
  const key = hashSessionToken(token);
  owners.delete(key);
  owners.set(key, { userId, until: now + (userId ? OWNER_MS : NO_OWNER_MS) });
  if (owners.size > MAX_ENTRIES) {
    const oldest = owners.keys().next();
    if (!oldest.done) owners.delete(oldest.value);
  }
}
