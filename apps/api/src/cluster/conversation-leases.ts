import type { LeasesRepository } from "@agents-crm/db";
import type { Logger } from "../logger";

const leaseName = (conversationId: string) => `web-turn#${conversationId}`;

/**
 * Which replica runs a web-chat conversation's turns: the holder of its lease (one conditional write).
 * A replica holds it while it has turns of the conversation running or queued (renewed with its web-turn
 * items), and gives it up once its lane is empty. Messages another replica receives meanwhile are handed
 * to the holder, so one lane — in order, with burst folding — answers them all, whatever replica each
 * message reached.
 */
export function createConversationLeases(input: {
  leases: LeasesRepository;
  replicaId: string;
  leaseMs: number;
  log: Logger;
  /** Whether this replica still has turns (or turn items) of the conversation: idle ones are released. */
  busy(conversationId: string): boolean;
  /**
   * No other process runs turns on this database (the embedded engine opens in one process, and no
   * Redis joins replicas): every conversation is this process's, so no lease is written or renewed —
   * two writes a turn saved.
   */
  soleProcess?: boolean;
}) {
  const { leases, replicaId, leaseMs, log } = input;
  const held = new Set<string>();
  const acquire = async (conversationId: string) =>
    input.soleProcess === true ||
    leases.tryAcquire({ name: leaseName(conversationId), holder: replicaId, ttlMs: leaseMs });

  async function release(conversationId: string): Promise<void> {
    if (!held.delete(conversationId) || input.soleProcess === true) return;
    await leases.release(leaseName(conversationId), replicaId).catch((error: unknown) => {
      log.warn("conversation lease release failed", { error });
    });
  }

  return {
    replicaId,
    holds: (conversationId: string) => held.has(conversationId),

    /** True when this replica now runs the conversation's turns (it held it, or took it). */
    async claim(conversationId: string): Promise<boolean> {
      if (held.has(conversationId)) return true;
      if (!(await acquire(conversationId))) return false;
      held.add(conversationId);
      return true;
    },

    /**
     * Renews every held lease (from the web-turn items' renewal timer); a lost one is dropped, and one
     * whose turns all ended (whatever path they ended on) is given up.
     */
    async renewAll(): Promise<void> {
      for (const conversationId of [...held]) {
        if (!input.busy(conversationId)) {
          await release(conversationId);
          continue;
        }
        const kept = await acquire(conversationId).catch((error: unknown) => {
          log.warn("conversation lease renewal failed", { error });
          return true;
        });
        if (!kept && held.delete(conversationId))
          log.warn("conversation lease lost", { conversationId });
      }
    },

    /** This replica has no more turns of the conversation: another may take it at once. */
    release,

    releaseAll: () => Promise.all([...held].map(release)).then(() => undefined),
  };
}

export type ConversationLeases = ReturnType<typeof createConversationLeases>;
