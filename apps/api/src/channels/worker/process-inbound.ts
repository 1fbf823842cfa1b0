import { customerWrote } from "../../domain/conversations/status-machine";
import { onUnreadableMessage, type AgentConfig } from "@agents-crm/config/agent-config";
import type { Conversation, InboundEvent as InboxItem, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { linkContact } from "../../domain/contacts/link-contact";
import { emitConversationCreated } from "../../domain/conversations/emit";
import { loadAgentForTurn } from "../../domain/turns/agent-configs";
import { receiveCustomerMessage } from "../../domain/turns/customer-message";
import { recordCustomerContact } from "../delivery/customer-contact";
import { deliverReplyNow } from "../delivery/deliver-reply";
import type { InboundEvent } from "../inbound-event";
import { answerStoredMessage } from "./answer-stored";
import { arrivedBeforeErasure, eraseWhatItStored } from "./erased-customer";
import { storeAppEcho } from "./app-echo";
import { refreshWhatsAppIdentity, whatsappUserKey } from "./whatsapp-user";
import { isAnnotation, isUnreadable, unreadableLabel } from "./inbound-content";
import { refreshInstagramProfile } from "./instagram-profile";
import { requeueDownloads, storeInboundWithMedia } from "./media/store-inbound-media";
import { willSee } from "./media/photo-message";
import { willTranscribe } from "./media/voice-note";
import {
  RECENT_FOR_RERUN,
  answersTo,
  inboundMetadata,
  referredMessage,
  storeInbound,
  storedFor,
} from "./stored-inbound";
import { handOffUnreadable } from "./unreadable-handoff";
import type { WorkerRuntime } from "./worker-runtime";

/** The agent's configuration does not parse: retried with back-off, then a dead letter to replay. */
export class AgentConfigInvalidError extends Error {
  override name = "AgentConfigInvalidError";
}

interface Turn {
  deps: ApiDeps;
  item: InboxItem;
  event: InboundEvent;
  config: AgentConfig;
  conversation: Conversation;
  recent: Message[];
  /** This event's message from an earlier, interrupted run. */
  stored: Message | undefined;
}

/**
 * One customer event from the inbox. Idempotent, because a crash may leave it half done and the inbox
 * then hands it out again: the customer message is looked up by its inbox key before it is stored, a
 * reply is looked up (replies name the messages they answer) before the agent runs, and a reply's
 * delivery records each part it sent.
 */
export async function processInbound(
  deps: ApiDeps,
  runtime: WorkerRuntime,
  item: InboxItem,
  received: InboundEvent,
): Promise<void> {
  // A text event without text (a platform quirk) is shown as an unsupported message, not dropped.
  const event: InboundEvent =
    received.kind === "text" && !received.text?.trim()
      ? { ...received, kind: "unsupported" }
      : received;
  const log = deps.log.child({ eventKey: item.eventKey, bindingId: event.bindingId });
  const [binding, erased] = await Promise.all([
    deps.repos.channelBindings.get(event.bindingId),
    arrivedBeforeErasure(deps, item, event),
  ]);
  if (erased) {
    log.info("inbound event dropped: its customer was erased after it arrived");
    return;
  }
  if (!binding?.isActive) {
    log.info("inbound event dropped: its binding is gone or inactive");
    return;
  }
  const agent = await loadAgentForTurn(deps.repos, binding.agentId);
  if (agent.status !== "ok") {
    if (agent.status === "invalid") {
      throw new AgentConfigInvalidError(
        `agent ${binding.agentId} has a configuration that does not parse`,
      );
    }
    log.info("inbound event dropped: the agent is gone or inactive", { agentId: binding.agentId });
    return;
  }

  const found = await deps.repos.conversations.findOrCreate({
    agentId: binding.agentId,
    channel: event.platform,
    externalUserId: await whatsappUserKey(deps, binding.agentId, event),
  });
  const { created } = found;
  // One contact per person: a new conversation (or one without a contact yet) is linked to it.
  const linked = await linkContact(deps, found.conversation, {
    displayName: event.sender?.name,
    username: event.sender?.username,
  });
  if (created) await emitConversationCreated(deps.hub, linked);
  if (event.fromApp) {
    // The business answered in the platform's own app: not the customer, and not for the agent.
    const outcome = await storeAppEcho(deps, item.eventKey, event, linked);
    if (outcome === "ours") log.debug("echo of our own send ignored");
    if (await arrivedBeforeErasure(deps, item, event)) await eraseWhatItStored(deps, linked);
    return;
  }
  if (!created) await refreshWhatsAppIdentity(deps, linked, event);
  // A new message (text or media, not a reaction, edit or unsend) reopens a resolved conversation.
  const conversation = isAnnotation(event.kind)
    ? linked
    : await customerWrote(deps, linked, item.eventKey);
  if (event.kind !== "unsend") {
    await recordCustomerContact(deps.repos, conversation.conversationId, {
      lastInboundAt: event.timestamp,
      bindingId: event.bindingId,
    });
  }
  if (event.platform === "instagram" && (created || item.attempts > 1)) {
    deps.work.run("instagram profile", () =>
      refreshInstagramProfile(deps, runtime.clients.instagram, event, conversation),
    );
  }

  // A first run (first claim, never failed: a replay keeps the last error) cannot find anything of its
  // own, so a text, the hot path, skips the look-back; other kinds read it for what they refer to.
  const firstRun = item.attempts === 1 && item.lastError === undefined;
  const recent =
    firstRun && event.kind === "text"
      ? []
      : await deps.repos.messages.lastN(conversation.conversationId, RECENT_FOR_RERUN);
  const turn: Turn = {
    deps,
    item,
    event,
    config: agent.config,
    conversation,
    recent,
    stored: storedFor(recent, item.eventKey),
  };
  const replies = isAnnotation(event.kind)
    ? await annotate(turn)
    : isUnreadable(event.kind)
      ? await unreadable(turn)
      : await converse(turn);
  // What is left of the lease after the turn, less a margin for the bookkeeping that follows.
  const leaseEnds = item.leaseUntil ?? Date.now() + runtime.leaseMs;
  const deadline = leaseEnds - Math.floor(runtime.leaseMs / 4);
  if (await arrivedBeforeErasure(deps, item, event)) {
    // Erased while this ran: nothing of it may stay, and nothing more is sent.
    log.info("inbound event undone: its customer was erased while it was processed");
    await eraseWhatItStored(deps, conversation);
    return;
  }
  for (const reply of replies) {
    await deliverReplyNow(deps, runtime, log, reply, { bindingId: event.bindingId, deadline });
  }
}

/** Text: the agent answers (unless a human handles the conversation). */
async function converse(turn: Turn): Promise<Message[]> {
  const { deps, event, stored } = turn;
  if (stored) {
    const earlier = answersTo(turn.recent, stored);
    if (earlier.length > 0) return earlier;
    const reply = await answerStoredMessage(deps, turn.conversation, turn.config, stored);
    return reply ? [reply] : [];
  }
  const outcome = await receiveCustomerMessage(deps, {
    conversation: turn.conversation,
    content: event.text ?? "",
    kind: "text",
    externalMessageId: event.platformMessageId ?? event.externalMessageId,
    externalUserId: turn.conversation.externalUserId ?? event.externalUserId,
    timestamp: event.timestamp,
    metadata: inboundMetadata(event, turn.item.eventKey),
  });
  return outcome.reply ? [outcome.reply] : [];
}

/** Media, stickers, voice, locations, contacts: stored as what they are; a human if so configured. */
async function unreadable(turn: Turn): Promise<Message[]> {
  const { deps, event } = turn;
  let message = turn.stored;
  let conversation = turn.conversation;
  if (message) {
    await requeueDownloads(deps, message, event);
    const earlier = answersTo(turn.recent, message);
    if (earlier.length > 0) return earlier;
  } else {
    ({ message, conversation } = await storeInboundWithMedia(
      deps,
      conversation,
      event,
      inboundMetadata(event, turn.item.eventKey),
    ));
  }
  // Transcribed or seen once its file is stored (the media job), then answered or handed over.
  const readLater = willTranscribe(deps, event.kind) || willSee(deps, event.kind, turn.config);
  if (readLater && (message.fileIds?.length ?? 0) > 0) return [];
  if (onUnreadableMessage(turn.config) !== "handoff") return [];
  const earlierCustomerTexts = turn.recent
    .filter((m) => m.role === "user" && m.kind === "text")
    .map((m) => m.content);
  const notice = await handOffUnreadable(deps, conversation, turn.config, message, {
    kind: event.kind,
    label: isUnreadable(event.kind) ? unreadableLabel(event.kind) : "message",
    earlierCustomerTexts,
  });
  return notice ? [notice] : [];
}

/** Reactions, edits, unsends: stored next to the message they are about; the agent is not asked. */
async function annotate(turn: Turn): Promise<Message[]> {
  if (turn.stored) return [];
  const { event } = turn;
  const original = referredMessage(turn.recent, event.refersTo);
  await storeInbound(turn.deps, turn.conversation, event, {
    ...inboundMetadata(event, turn.item.eventKey),
    ...(original ? { refersToMessageId: original.messageId } : {}),
  });
  return [];
}
