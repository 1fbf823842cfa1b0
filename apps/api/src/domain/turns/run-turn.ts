import { randomUUID } from "node:crypto";
import {
  streamTurn,
  type PreparedTurn,
  type TurnDeps,
  type TurnLogger,
  type TurnResult,
} from "@agents-crm/ai";
import type { AgentConfig } from "@agents-crm/config/agent-config";
import { NotFoundError, type Conversation, type Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { fillContact } from "../contacts/fill-contact";
import { publishChatTransient } from "../conversations/events";
import { aiMayAnswer } from "../conversations/status-rules";
import { libraryFilesForReply } from "../knowledge/send-documents";
import { commitReply, type TurnOutput } from "./commit-reply";
import { loadHistory } from "./history";
import { textForModel } from "./media-text";
import { photosForModel } from "./photos-for-model";
import type { TurnHandle } from "./turn-lanes";
import { observeTurn, type TurnClock } from "../../observability/turn-observer";

/**
 * What the message's arrival already read or started: the conversation row, the recent messages, and
 * the turn's retrieval and input moderation (under way while the message was being stored).
 */
export interface TurnSnapshot {
  conversation: Conversation;
  recent: Promise<Message[]>;
  prepared?: PreparedTurn;
}

export function turnLogger(deps: ApiDeps, conversationId: string): TurnLogger {
  const log = deps.log.child({ conversationId });
  return { warn: (m, f) => log.warn(m, f), error: (m, f) => log.error(m, f) };
}

export function turnDeps(deps: ApiDeps, conversationId: string): TurnDeps {
  return {
    providers: deps.llm,
    knowledge: deps.knowledge,
    logger: turnLogger(deps, conversationId),
  };
}

interface TurnInput {
  conversationId: string;
  config: AgentConfig;
  batch: Message[];
  handle: TurnHandle;
  /** Read as the batch arrived, for a turn that starts at once: saves two reads on the hot path. */
  snapshot?: TurnSnapshot;
}

/**
 * One agent turn over a batch of customer messages: history (the agent's last N messages before the
 * batch, admin turns included), ONE streamed model call whose deltas go to the web chat as transient events,
 * then the commit. A turn folded into a later one, or stopped by a takeover, discards what it streamed.
 * Observed: its id in every log line, a span per step, counted in the metrics.
 */
export function runTurn(deps: ApiDeps, input: TurnInput): Promise<TurnOutput> {
  const turnId = randomUUID();
  const turn = { turnId, conversationId: input.conversationId, messages: input.batch.length };
  const channelOf = (output: TurnOutput | null) =>
    output?.conversation.channel ?? input.snapshot?.conversation.channel ?? "unknown";
  return observeTurn(deps, turn, channelOf, (clock) => turnSteps(deps, input, turnId, clock));
}

async function turnSteps(
  deps: ApiDeps,
  input: TurnInput,
  turnId: string,
  clock: TurnClock,
): Promise<TurnOutput> {
  const { conversationId, config, batch, handle, snapshot } = input;
  const conversation =
    snapshot?.conversation ?? (await deps.repos.conversations.get(conversationId));
  if (!conversation) throw new NotFoundError("conversation", conversationId);
  if (!aiMayAnswer(conversation, config)) {
    clock.outcome = "skipped";
    return { reply: null, conversation };
  }

  const web = conversation.channel === "web_chat";
  let streamed = false;
  const discard = async (): Promise<TurnOutput> => {
    if (streamed) {
      await publishChatTransient(deps.hub, conversationId, {
        type: "reply.discarded",
        payload: { turnId },
      });
    }
    // Someone else changed the conversation (that is why the turn stopped): report its state now.
    return {
      reply: null,
      conversation: (await deps.repos.conversations.get(conversationId)) ?? conversation,
    };
  };

  const history = await loadHistory(
    deps.repos,
    conversationId,
    batch,
    config.llm.max_history_messages,
    snapshot && (await snapshot.recent),
  );
  const images = await photosForModel(deps, batch, config);
  clock.stepDone("history");
  let result: TurnResult | null = null;
  try {
    for await (const event of streamTurn(
      {
        agentId: conversation.agentId,
        config,
        history,
        messages: batch.map((message) => textForModel(message)),
        channel: conversation.channel,
        signal: handle.signal,
        prepared: snapshot?.prepared,
        ...(images.length > 0 ? { images } : {}),
      },
      turnDeps(deps, conversationId),
    )) {
      if (handle.signal.aborted) break;
      if (event.type === "result") {
        result = event.result;
      } else if (web && event.text !== "") {
        streamed = true;
        await publishChatTransient(deps.hub, conversationId, {
          type: "reply.delta",
          payload: { turnId, text: event.text },
        });
      }
    }
  } catch (error) {
    await discard().catch(() => undefined);
    throw error;
  }
  clock.stepDone("model");
  // What the customer shared is theirs whether or not this reply is sent.
  if (result) fillContact(deps, conversation, result);
  // A message of the same burst stored on another replica and handed here is folded in, not left out.
  if (result) await handle.arrivals();
  if (!result || !handle.commit()) return discard();
  // The library documents the model chose ride on the reply itself (a handoff sends none).
  const fileIds = result.escalation.needed
    ? []
    : await libraryFilesForReply(deps, conversation, result.attachDocumentIds);
  const output = await commitReply(deps, { conversation, config, batch, result, turnId, fileIds });
  clock.stepDone("commit");
  if (output.reply) clock.outcome = result.escalation.needed ? "escalated" : "replied";
  else await discard();
  return output;
}
