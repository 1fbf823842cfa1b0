import { prepareTurn } from "@agents-crm/ai";
import type { MessageKind } from "@agents-crm/config/messages";
import { burstWindowMs } from "@agents-crm/config/agent-config";
import type { MessageMetadataInput } from "@agents-crm/config/message-metadata";
import type { Conversation, Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { fillContactFromText } from "../contacts/fill-contact";
import { emitMessageCreated, emitMessageWithFiles } from "../conversations/emit";
import { loadAgentForTurn } from "./agent-configs";
import { aiMayAnswer } from "../conversations/status-rules";
import { readRecent } from "./history";
import { turnDeps } from "./run-turn";
import { runTurnWithFiles } from "./turn-with-files";
import { ticketedTurn } from "./ticketed-turn";
import { announceTurn, handTurnOver } from "../../cluster/turn-handoff";
import { awaitHandedOverReply } from "../../cluster/handed-over-reply";

/** The conversation's agent is gone, deactivated, or its stored config no longer parses. */
export class AgentUnavailableError extends Error {
  override name = "AgentUnavailableError";
  constructor(readonly reason: "missing" | "inactive" | "invalid") {
    super(`agent is ${reason}`);
  }
}

export interface CustomerMessageInput {
  conversation: Conversation;
  content: string;
  kind?: MessageKind;
  externalMessageId?: string;
  externalUserId?: string;
  /** When the platform says it was sent (default: now). */
  timestamp?: Date | string;
  metadata?: MessageMetadataInput;
  /** Files the customer sent with it (the web chat's uploads): `content` is their caption. */
  fileIds?: string[];
  /** The inbox preview when it is not the text ("[photo] caption"). */
  preview?: string;
  /**
   * Web chat: the turn is recorded in the durable inbox before the message is stored, so it is answered
   * even if this process dies or stops before the turn ends (channel events are inbox items already).
   */
  durableTurn?: boolean;
}

export interface CustomerMessageOutcome {
  userMessage: Message;
  /** The agent's reply to this message, or null: a human handles it, or it was folded into a later turn. */
  reply: Message | null;
  /** The message joined a burst answered by a later message's turn; the reply arrives as an event. */
  folded: boolean;
  conversation: Conversation;
}

/**
 * Everything after a customer message arrives, on any channel: store it, tell the consoles (and the
 * web chat), then, unless a human handles the conversation, answer it in the conversation's lane (one
 * turn at a time; bursts folded). Throws AgentUnavailableError before storing anything.
 */
export async function receiveCustomerMessage(
  deps: ApiDeps,
  input: CustomerMessageInput,
): Promise<CustomerMessageOutcome> {
  const { conversation } = input;
  const id = conversation.conversationId;
  const agent = await loadAgentForTurn(deps.repos, conversation.agentId);
  if (agent.status !== "ok") throw new AgentUnavailableError(agent.status);
  const { config } = agent;

  // The history read runs alongside the writes: it filters this message out whether or not it landed.
  const recent = readRecent(deps.repos, id, config.llm.max_history_messages, 1);
  recent.catch(() => undefined);
  // So do the turn's retrieval and input moderation: they need only the text (a message with files is
  // read as "[photo] caption" or handed over: its turn prepares what it needs).
  const withFiles = (input.fileIds?.length ?? 0) > 0;
  const prepared =
    aiMayAnswer(conversation, config) && !withFiles
      ? prepareTurn(
          { agentId: conversation.agentId, config, messages: [input.content] },
          turnDeps(deps, id),
        )
      : null;
  // Before the message is stored: once the customer sees it accepted, some process will answer it.
  const ticket =
    input.durableTurn && aiMayAnswer(conversation, config)
      ? await deps.webTurns.open(conversation)
      : null;
  const turn = ticket && {
    conversationId: id,
    agentId: conversation.agentId,
    eventKey: ticket.key,
  };
  if (turn && ticket.elsewhere) announceTurn(deps, turn);
  const metadata = ticket ? { ...input.metadata, inboxEventKey: ticket.key } : input.metadata;
  const stored = Promise.all([
    deps.repos.messages.append({
      conversationId: id,
      agentId: conversation.agentId,
      role: "user",
      content: input.content,
      channel: conversation.channel,
      kind: input.kind,
      ...(withFiles ? { fileIds: input.fileIds } : {}),
      externalMessageId: input.externalMessageId,
      externalUserId: input.externalUserId ?? conversation.externalUserId,
      timestamp: input.timestamp,
      metadata,
    }),
    deps.repos.conversations.touchActivity(id, {
      preview: input.preview ?? input.content,
      fromCustomer: true,
    }),
  ]);
  if (ticket) stored.catch((error: unknown) => deps.webTurns.notStored(ticket, error));
  const [userMessage, touched] = await stored.catch((error: unknown) => {
    prepared?.cancel();
    throw error;
  });
  const current = touched ?? conversation;
  // Published alongside the turn (the hub keeps stream order: this event precedes the reply's).
  deps.work.run("publish customer message", () =>
    withFiles
      ? emitMessageWithFiles(deps, current, userMessage)
      : emitMessageCreated(deps.hub, current, userMessage),
  );
  if (!aiMayAnswer(current, config)) {
    prepared?.cancel();
    fillContactFromText(deps, current, config, input.content);
    deps.webTurns.finished([userMessage]);
    deps.webTurns.settle(id);
    return { userMessage, reply: null, folded: false, conversation: current };
  }
  // Another replica runs this conversation's turns: handed to it. Stopping: the inbox workers of the
  // next process (or another replica) answer it.
  if (ticket && !ticket.runsHere) {
    prepared?.cancel();
    if (!turn || !ticket.elsewhere) {
      return { userMessage, reply: null, folded: false, conversation: current };
    }
    // The visitor gets the holder's reply from this send, as from one replica.
    const answered = awaitHandedOverReply(deps, userMessage);
    handTurnOver(deps, turn);
    const { reply, folded } = await answered;
    return { userMessage, reply, folded, conversation: current };
  }
  // The lane calls the runner synchronously when nothing else runs: only then is the snapshot current.
  let startsNow = true;
  let startedNow = false;
  const submitted = deps.turns.submit(
    id,
    { message: userMessage, windowMs: burstWindowMs(config) },
    ticketedTurn(deps.webTurns, current, (batch, handle) => {
      const fresh = startsNow && batch.length === 1;
      startedNow ||= startsNow;
      if (!fresh) prepared?.cancel();
      return runTurnWithFiles(deps, {
        conversationId: id,
        config,
        batch,
        handle,
        snapshot: fresh
          ? { conversation: current, recent, prepared: prepared ?? undefined }
          : undefined,
      });
    }),
  );
  // A turn that did not start now (queued behind another) prepares its own batch when it runs.
  if (!startedNow) prepared?.cancel();
  startsNow = false;
  const outcome = await submitted;
  if (outcome.folded) return { userMessage, reply: null, folded: true, conversation: current };
  return {
    userMessage,
    reply: outcome.result.reply,
    folded: false,
    conversation: outcome.result.conversation,
  };
}
