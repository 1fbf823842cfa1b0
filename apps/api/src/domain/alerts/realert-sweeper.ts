import type { AuditAction } from "@agents-crm/config/audit-actions";
import type { Conversation, Repositories } from "@agents-crm/db";
import type { Logger } from "../../logger";
import { loadPipeline } from "../stages/pipeline-stages";

/** Who re-alerts in the audit log: the product itself, not a staff member. */
export const REALERT_ACTOR = { id: "system", name: "Re-alert" } as const;
const CLAIM_TTL_SECONDS = 14 * 24 * 3600;
const PAGE = 100;
/** How often snoozes are checked when re-alerts are off. */
const SNOOZE_ONLY_INTERVAL_MS = 60_000;

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
 * With re-alerts on, pages the awake NEEDS_HUMAN conversations (the queue index, never a scan): those
 * that waited longer than `minutes` since they escalated are re-alerted once, unless the card sits in a
 * final stage (Booked, Rejected: the business is done); conversations taken over, resolved or snoozed
 * are not in that list. The claim is an atomic counter keyed by conversation and escalation time, so
 * two replicas sweeping at once alert once, and a later escalation of the same conversation gets its own
 * re-alert. Then it ends the snoozes that ran out, read through the sparse snooze index (only
 * conversations snoozed and due, never the others), and staff are alerted again (`snoozeEnded`, at most
 * once: it clears the snooze conditionally); for a conversation still waiting for a human that reminder
 * takes the place of its re-alert.
 */
export function createRealertSweeper<Scope>(options: {
  repos: Pick<Repositories, "conversations" | "kv" | "settings" | "audit">;
  log: Logger;
  minutes: number;
  intervalMs?: number;
  /** What one sweep's alerts share (sweep-reads.ts), made at the start of each sweep. */
  scope: () => Scope;
  realert(conversation: Conversation, waitingMinutes: number, scope: Scope): Promise<void>;
  snoozeEnded(conversation: Conversation, scope: Scope): Promise<void>;
}) {
  const { repos, log, minutes } = options;
  const intervalMs =
    options.intervalMs ??
    (minutes > 0
      ? Math.min(60_000, Math.max(1_000, (minutes * 60_000) / 4))
      : SNOOZE_ONLY_INTERVAL_MS);
  let timer: NodeJS.Timeout | null = null;
  let sweeping: Promise<number> | null = null;

  const claimKey = (c: Conversation) => `realert#${c.conversationId}#${c.needsHumanSince ?? ""}`;

  async function finalStages(): Promise<Set<string>> {
    const { stages } = await loadPipeline(repos);
    return new Set(stages.filter((s) => s.final).map((s) => s.id));
  }

  async function realertOnce(
    conversation: Conversation,
    now: Date,
    scope: Scope,
  ): Promise<boolean> {
    const since = conversation.needsHumanSince ? Date.parse(conversation.needsHumanSince) : NaN;
    if (!(since <= now.getTime() - minutes * 60_000)) return false;
    const key = claimKey(conversation);
    // A read first: already re-alerted conversations cost no write on every sweep.
    if ((await repos.kv.get(key)) !== null) return false;
    const claim = await repos.kv.increment(key, { ttlSeconds: CLAIM_TTL_SECONDS });
    if (claim.value !== 1) return false;
    const waitingMinutes = Math.round((now.getTime() - since) / 60_000);
    await options.realert(conversation, waitingMinutes, scope);
    await recordRealert(repos, conversation, waitingMinutes);
    return true;
  }

  async function sweepOnce(now: Date): Promise<number> {
    // Re-alerts first: a conversation woken in this sweep was reminded by its wake-up already.
    const scope = options.scope();
    const count = minutes > 0 ? await realertWaiting(now, scope) : 0;
    await wakeDue(now, scope);
    return count;
  }

  async function realertWaiting(now: Date, scope: Scope): Promise<number> {
    const final = await finalStages();
    let count = 0;
    let cursor: string | null = null;
    do {
      const page = await repos.conversations.list({
        status: "NEEDS_HUMAN",
        snoozed: false,
        cursor,
        limit: PAGE,
      });
      for (const conversation of page.items) {
        // A snooze that ran out: wakeDue ends it (and alerts), it is not re-alerted besides.
        if (conversation.snoozedUntil !== undefined) continue;
        if (final.has(conversation.stage)) continue;
        if (await realertOnce(conversation, now, scope)) count++;
      }
      cursor = page.nextCursor;
    } while (cursor);
    return count;
  }

  async function wakeDue(now: Date, scope: Scope): Promise<void> {
    let cursor: string | null = null;
    do {
      const page = await repos.conversations.listSnoozeDue({ now, cursor, limit: PAGE });
      for (const conversation of page.items) {
        await options.snoozeEnded(conversation, scope);
        // Its wake-up reminder is the re-alert of this escalation: the next sweep must not send another.
        if (conversation.status === "NEEDS_HUMAN" && minutes > 0) {
          await repos.kv.increment(claimKey(conversation), { ttlSeconds: CLAIM_TTL_SECONDS });
        }
      }
      cursor = page.nextCursor;
    } while (cursor);
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
    intervalMs,
    start(): void {
      if (timer) return;
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
