import type { Context } from "../context";
import { forgetInitialPassword } from "../bootstrap/initial-admin";
import { announceAccessChange } from "./access-changes";
import { hashPassword } from "./password";

/**
 * Stores a user's new password and signs out their sessions (all of them, or all but `keepSessionId`),
 * tells open subscriptions, and forgets a bootstrap initial password. Returns what the audit records.
 */
export async function replacePassword(
  deps: Context["deps"],
  user: { id: string; email: string },
  password: string,
  keepSessionId?: string,
): Promise<{ sessionsRevoked: number; initialPasswordForgotten: boolean }> {
  const { adminUsers, sessions } = deps.repos;
  await adminUsers.update(user.id, { passwordHash: await hashPassword(password) });
  const sessionsRevoked = await sessions.deleteSessionsOfUser(user.id, {
    exceptSessionId: keepSessionId,
  });
  // A kept session loses no access, so when no other session ended there is no one to tell.
  if (sessionsRevoked > 0 || keepSessionId === undefined) {
    await announceAccessChange(deps, { userId: user.id });
  }
  const initialPasswordForgotten = await forgetInitialPassword(deps.env, user.email);
  return { sessionsRevoked, initialPasswordForgotten };
}
