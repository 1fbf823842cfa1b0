import type { Repositories } from "@agents-crm/db";
import { DEFAULT_BACKOFF, DEFAULT_MAX_ATTEMPTS } from "../../channels/worker/worker-runtime";
import type { Logger } from "../../logger";
import type { BackgroundWork } from "../alerts/background-work";

const RENEW_EVERY_MS = 5_000;

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

interface ItemOwner {
  repos: Pick<Repositories, "inboundEvents">;
  /** The lease owner: this process. */
  owner: string;
  log: Logger;
}

/**
 * The web-turn items this process holds (item key → conversation id), their leases renewed while held
 * so a slow model never hands a live turn to a second process. A lease found lost is dropped.
 */
export function createHeldLeases(
  input: ItemOwner & { leaseMs: number; alsoRenew?: () => Promise<void> },
) {
  const { repos, owner, leaseMs, log } = input;
  const held = new Map<string, string>();
  const waiters = new Set<() => void>();
  let renewing: Promise<void> = Promise.resolve();

  /** Whether the key was held (and is not any more). */
  const drop = (key: string): boolean => {
    const had = held.delete(key);
    if (had) for (const wake of waiters) wake();
    return had;
  };

  const renewAll = async () => {
    for (const key of [...held.keys()]) {
      const kept = await repos.inboundEvents.renew(key, owner, leaseMs).catch((error: unknown) => {
        log.warn("web turn lease renewal failed", { error });
        return true;
      });
      if (!kept && drop(key)) log.warn("web turn lease lost", { eventKey: key });
    }
    await input.alsoRenew?.();
  };
  const timer = setInterval(
    () => {
      renewing = renewing.then(renewAll);
    },
    Math.min(RENEW_EVERY_MS, Math.floor(leaseMs / 3)),
  );
  timer.unref();

  return {
    hold: (key: string, conversationId: string) => void held.set(key, conversationId),
    drop,

    /** Resolves once nothing is held, or at `deadline` (epoch ms; Infinity waits for good). */
    async emptyBy(deadline: number): Promise<void> {
      while (held.size > 0 && Date.now() < deadline) {
        let wake!: () => void;
        const changed = new Promise<void>((resolve) => (wake = resolve));
        waiters.add(wake);
        const timeout = Number.isFinite(deadline)
          ? setTimeout(wake, deadline - Date.now())
          : undefined;
        await changed;
        waiters.delete(wake);
        clearTimeout(timeout);
      }
    },

    /** What is held now (item key, conversation id). */
    current: (): [key: string, conversationId: string][] => [...held],

    /** Stops renewing (after a renewal under way) and stops holding anything; returns what was held. */
    async releaseAll(): Promise<[key: string, conversationId: string][]> {
      clearInterval(timer);
      await renewing;
      const left = [...held];
      held.clear();
      return left;
    },
  };
}

/** What becomes of an item this process no longer runs a turn for: done, retried, or given back. */
export function settleTurnItems(input: ItemOwner & { work: BackgroundWork }) {
  const { repos, owner, work, log } = input;
  return {
    /** The turn ended: the item is done. */
    complete(key: string): void {
      work.run("complete web turn", () => repos.inboundEvents.complete(key, owner));
    },

    /** The turn failed: the inbox workers retry the item, with back-off. */
    retry(key: string, error: unknown): void {
      work.run("retry web turn", () =>
        repos.inboundEvents.fail(key, owner, {
          error: describe(error),
          maxAttempts: DEFAULT_MAX_ATTEMPTS,
          backoff: DEFAULT_BACKOFF,
        }),
      );
    },

    /** Gives items back to the inbox, due at once (failures are logged: their leases run out anyway). */
    release: (keys: string[]) =>
      Promise.all(
        keys.map((key) =>
          repos.inboundEvents
            .release(key, owner)
            .catch((error: unknown) =>
              log.warn("web turn release failed", { eventKey: key, error }),
            ),
        ),
      ),
  };
}
