import { z } from "zod";
import type { ApiDeps } from "../deps";
import { ACCESS_STREAM } from "../realtime/types";

export const ACCESS_CHANGED = "access.changed";

/** Whose access changed: a user (deactivated, deleted, new role or password), or one session. */
export const accessChangeSchema = z.union([
  z.object({ userId: z.string() }),
  z.object({ sessionId: z.string() }),
]);
export type AccessChange = z.infer<typeof accessChangeSchema>;

/**
 * Tells open staff subscriptions, on every replica, to check their caller again (see followAccess).
 * Call it after the change is stored. The change itself is done, so a failed announcement is logged:
 * subscriptions still re-check within a minute.
 */
export async function announceAccessChange(
  deps: Pick<ApiDeps, "hub" | "log">,
  change: AccessChange,
): Promise<void> {
  // Logged (not transient), so a replica that missed it during a Redis outage re-reads it on resync.
  await deps.hub
    .publish(ACCESS_STREAM, ACCESS_CHANGED, change)
    .catch((error: unknown) => deps.log.warn("access change not announced", { error }));
}
