import type { Context } from "../context";
import { ACCESS_STREAM } from "../realtime/types";
import { accessChangeSchema } from "./access-changes";
import type { Staff } from "./principal";
import { readSession } from "./resolve-principal";
import { unauthorized } from "../domain/errors";

/** A change nobody announced (made outside the API) still reaches open subscriptions this soon. */
export const ACCESS_RECHECK_MS = 60_000;
/** How often the clock is compared with the session's end and the next re-check. */
const TICK_MS = 1_000;

export interface FollowedAccess {
  /** Aborts when the caller's access ends, or when the subscription's own signal does. */
  signal: AbortSignal;
  /** The caller once the checks under way are done; throws UNAUTHORIZED when access has ended. */
  current(): Promise<Staff>;
  stop(): void;
}

const ended = () => unauthorized("The session has ended");

/**
 * Keeps a staff subscription's caller current while it streams: a socket outlives sessions. The caller
 * is checked again when an access change for this user or session is announced (on any replica, see
 * announceAccessChange), when the session's time is up, and at least every ACCESS_RECHECK_MS. These
 * checks only read: an open feed does not keep an idle session alive, requests do.
 */
export function followAccess(
  ctx: Pick<Context, "deps" | "sessionToken"> & { principal: Staff },
  parent: AbortSignal | undefined,
): FollowedAccess {
  const controller = new AbortController();
  const abort = () => controller.abort();
  parent?.addEventListener("abort", abort, { once: true });
  const first = ctx.principal;
  const token = ctx.sessionToken;
  // The machine token cannot be revoked while the process runs.
  if (first.kind !== "user" || token === null) {
    return {
      signal: controller.signal,
      current: () => Promise.resolve(first),
      stop: () => parent?.removeEventListener("abort", abort),
    };
  }

  let principal: Staff = first;
  let revoked = false;
  let endsAtMs = Number.POSITIVE_INFINITY;
  let nextCheckAt = Number.POSITIVE_INFINITY;
  let checks = Promise.resolve();

  const check = () => {
    nextCheckAt = Number.POSITIVE_INFINITY;
    checks = checks.then(async () => {
      if (revoked) return;
      try {
        const found = await readSession(ctx.deps, token);
        if (!found) {
          revoked = true;
          controller.abort();
          return;
        }
        principal = found.principal;
        endsAtMs = found.session.expiresAt * 1000;
      } catch (error) {
        // A storage fault is not a sign-out: the caller stays as last seen until a check succeeds.
        ctx.deps.log.warn("access re-check failed", { error });
      }
      nextCheckAt = Math.min(endsAtMs, Date.now() + ACCESS_RECHECK_MS);
    });
  };

  const unsubscribe = ctx.deps.hub.subscribe(ACCESS_STREAM, (event) => {
    const change = accessChangeSchema.safeParse(event.payload);
    if (!change.success) return;
    const mine =
      "userId" in change.data
        ? change.data.userId === first.id
        : change.data.sessionId === first.sessionId;
    if (mine) check();
  });
  const ticker = setInterval(() => {
    if (Date.now() >= nextCheckAt) check();
  }, TICK_MS);
  ticker.unref();
  // At once: the start learns when the session ends.
  check();

  return {
    signal: controller.signal,
    async current() {
      // A check announced while waiting is waited for too.
      for (let pending = checks; ; pending = checks) {
        await pending;
        if (pending === checks) break;
      }
      if (revoked) throw ended();
      return principal;
    },
    stop() {
      clearInterval(ticker);
      unsubscribe();
      parent?.removeEventListener("abort", abort);
    },
  };
}
