import type { AuditAction } from "@agents-crm/config/audit-actions";
import type { Conversation, Repositories } from "@agents-crm/db";
import type { Logger } from "../../logger";

/** Who re-alerts in the audit log: the product itself, not a staff member. */
export const REALERT_ACTOR = { id: "system", name: "Re-alert" } as const;
const CLAIM_TTL_SECONDS = 14 * 24 * 3600;
const PAGE = 100;

/** Stats count re-alerts per period: each one fired is an audit entry by the system. */
async function recordRealert(
  repos: Pick<Repositories, "audit">,
  conversation: Conversation,
  waitingMinutes: number,
): Promise<void> {
  await repos.audit.append({
    actorId: REALERT_ACTOR.id,
    actorName: REALERT_ACTOR.name,
    action: "realert" satisfies AuditAction,
    resourceType: "conversation",
    resourceId: conversation.conversationId,
    metadata: { waitingMinutes, needsHumanSince: conversation.needsHumanSince ?? null },
  });
}

/**
 * Finds NEEDS_HUMAN conversations (through the status index, never a scan) that have waited longer than
 * `minutes` since they escalated and re-alerts each escalation once. The claim is an atomic counter keyed
 * by conversation and escalation time, so two replicas sweeping at once alert once, and a later escalation
 * of the same conversation gets its own re-alert.
 */
export function createRealertSweeper(options: {
  repos: Pick<Repositories, "conversations" | "kv" | "audit">;
  log: Logger;
  minutes: number;
  intervalMs?: number;
  realert(conversation: Conversation, waitingMinutes: number): Promise<void>;
}) {
  const { repos, log, minutes } = options;
  const intervalMs =
    options.intervalMs ?? Math.min(60_000, Math.max(1_000, (minutes * 60_000) / 4));
  let timer: NodeJS.Timeout | null = null;
  let sweeping: Promise<number> | null = null;

  const claimKey = (c: Conversation) => `realert#${c.conversationId}#${c.needsHumanSince ?? ""}`;

  async function sweepOnce(now: Date): Promise<number> {
    if (minutes <= 0) return 0;
    const threshold = now.getTime() - minutes * 60_000;
    let count = 0;
    let cursor: string | null = null;
    do {
      const page = await repos.conversations.list({ status: "NEEDS_HUMAN", cursor, limit: PAGE });
      for (const conversation of page.items) {
        const since = conversation.needsHumanSince ? Date.parse(conversation.needsHumanSince) : NaN;
        if (!(since <= threshold)) continue;
        const key = claimKey(conversation);
        // A read first: already re-alerted conversations cost no write on every sweep.
        if ((await repos.kv.get(key)) !== null) continue;
        const claim = await repos.kv.increment(key, { ttlSeconds: CLAIM_TTL_SECONDS });
        if (claim.value !== 1) continue;
        const waitingMinutes = Math.round((now.getTime() - since) / 60_000);
        await options.realert(conversation, waitingMinutes);
        await recordRealert(repos, conversation, waitingMinutes);
        count++;
      }
      cursor = page.nextCursor;
    } while (cursor);
    return count;
  }

  const sweep = (now: Date = new Date()): Promise<number> => {
    // One sweep at a time per process; a caller during a sweep waits for that one.
    sweeping ??= sweepOnce(now).finally(() => {
      sweeping = null;
    });
    return sweeping;
  };

  return {
    sweep,
    start(): void {
      if (timer || minutes <= 0) return;
      timer = setInterval(() => {
        sweep().catch((error: unknown) => log.warn("re-alert sweep failed", { error }));
      }, intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await sweeping?.catch(() => undefined);
    },
  };
}
