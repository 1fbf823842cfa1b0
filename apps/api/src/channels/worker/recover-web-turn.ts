import { z } from "zod";
import { burstWindowMs } from "@agents-crm/config/agent-config";
import type { Conversation, InboundEvent as InboxItem, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { emitMessageCreated } from "../../domain/conversations/emit";
import { loadAgentForTurn } from "../../domain/turns/agent-configs";
import { aiMayAnswer } from "../../domain/conversations/status-rules";
import { runTurnWithFiles } from "../../domain/turns/turn-with-files";
import { ticketedTurn } from "../../domain/turns/ticketed-turn";
import { turnStopReason } from "../../domain/turns/turn-lanes";
import { unansweredFrom } from "../../domain/turns/unanswered";
import type { WebTurnJob } from "../../domain/turns/web-turn-job";
import { AgentConfigInvalidError } from "./process-inbound";
import { eventIdFloor } from "../../realtime/event-ids";
import { ADMIN_STREAM, conversationStream, type RealtimeEvent } from "../../realtime/types";
import { RECENT_FOR_RERUN, answersTo, storedFor } from "./stored-inbound";

/** How far before a reply's timestamp its event may be logged (clock steps, replicas). */
const PUBLISH_SKEW_MS = 5_000;
/** The consoles' stream carries every conversation's events: enough for the minutes a recovery waits. */
const EVENTS_TO_CHECK = 2_000;
const loggedMessage = z.object({ message: z.object({ messageId: z.string() }) });

/** This process stopped the turn before it ended: the item is retried (by the next process). */
export class TurnInterruptedError extends Error {
  override name = "TurnInterruptedError";
}

/**
 * A web-chat turn whose process died or stopped before it ended. Answers the message once, unless that
 * happened already (the reply was written before the process died), a human took over, the
 * conversation was closed, or the agent was deactivated. Messages the visitor sent after it that are
 * unanswered too are answered in the same turn, as a burst is; their own items then find them answered.
 */
export async function recoverWebTurn(
  deps: ApiDeps,
  item: Pick<InboxItem, "eventKey">,
  job: WebTurnJob,
): Promise<void> {
  const log = deps.log.child({ eventKey: item.eventKey, conversationId: job.conversationId });
  const conversation = await deps.repos.conversations.get(job.conversationId);
  if (!conversation || conversation.channel !== "web_chat") return;
  const agent = await loadAgentForTurn(deps.repos, conversation.agentId);
  if (agent.status === "invalid") {
    throw new AgentConfigInvalidError(
      `agent ${conversation.agentId} has a configuration that does not parse`,
    );
  }
  if (agent.status !== "ok") {
    log.info("web turn dropped: the agent is gone or inactive");
    return;
  }
  const { config } = agent;
  if (!aiMayAnswer(conversation, config)) return;
  const recent = await deps.repos.messages.lastN(conversation.conversationId, RECENT_FOR_RERUN);
  // Not stored: the process died before the message was accepted, so the visitor was told it failed.
  const stored = storedFor(recent, item.eventKey);
  if (!stored) return;
  const batch = unansweredFrom(recent, stored);
  const last = batch[batch.length - 1];
  if (!last) {
    for (const reply of answersTo(recent, stored))
      await announceIfUnsent(deps, conversation, reply);
    return;
  }

  let interrupted = false;
  const submitted = deps.turns.submit(
    conversation.conversationId,
    // When it was stored, not when it got here: a message handed over from another replica folds
    // into the burst it arrived in.
    { message: last, windowMs: burstWindowMs(config), arrivedAt: arrivedAt(last) },
    ticketedTurn(deps.webTurns, conversation, async (laneBatch, handle) => {
      // The lane's batch may hold messages of `batch` (a turn under way here answers them too).
      const merged = new Map([...batch, ...laneBatch].map((m) => [m.messageId, m]));
      const output = await runTurnWithFiles(deps, {
        conversationId: conversation.conversationId,
        config,
        batch: [...merged.values()].sort((a, b) => (a.messageId < b.messageId ? -1 : 1)),
        handle,
      });
      interrupted = turnStopReason(handle.signal) === "shutdown";
      return output;
    }),
  );
  deps.turns.arrived(conversation.conversationId, item.eventKey);
  await submitted;
  if (interrupted) throw new TurnInterruptedError("the process stopped before the turn ended");
}

const arrivedAt = (message: Message) =>
  Math.min(Date.now(), Date.parse(message.timestamp) || Date.now());

/**
 * The process may have died between writing a reply and publishing it (the web chat's "delivery" and
 * the consoles' news), or between logging its events and fanning them out. Each stream gets the reply
 * now: a logged event is fanned out again under its own id (subscribers keep one copy per id), a
 * missing one is published.
 */
async function announceIfUnsent(deps: ApiDeps, conversation: Conversation, reply: Message) {
  const from = eventIdFloor(Date.parse(reply.timestamp) - PUBLISH_SKEW_MS);
  const [chat, admin] = await Promise.all([
    loggedReply(deps, conversationStream(conversation.conversationId), "message", from, reply),
    loggedReply(deps, ADMIN_STREAM, "message.created", from, reply),
  ]);
  for (const event of [chat, admin]) if (event) deps.hub.rebroadcast(event);
  if (!chat || !admin) {
    await emitMessageCreated(deps.hub, conversation, reply, undefined, {
      admin: !admin,
      chat: !chat,
    });
  }
}

async function loggedReply(
  deps: ApiDeps,
  stream: string,
  type: string,
  from: string,
  reply: Message,
): Promise<RealtimeEvent | null> {
  const events = await deps.hub.replay(stream, from, EVENTS_TO_CHECK);
  return (
    events.find(
      (event) =>
        event.type === type &&
        loggedMessage.safeParse(event.payload).data?.message.messageId === reply.messageId,
    ) ?? null
  );
}
