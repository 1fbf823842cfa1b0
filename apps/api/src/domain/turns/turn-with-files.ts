import { onUnreadableMessage } from "@agents-crm/config/agent-config";
import type { Message } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { isUnreadable, unreadableLabel } from "../../channels/worker/inbound-content";
import { handOffUnreadable } from "../../channels/worker/unreadable-handoff";
import { aiMayAnswer } from "../conversations/status-rules";
import type { TurnOutput } from "./commit-reply";
import { agentReadsPhotos, photoDataUrl } from "./photos-for-model";
import { runTurn } from "./run-turn";

type TurnInput = Parameters<typeof runTurn>[1];
const EARLIER_FOR_LANGUAGE = 20;

async function readable(deps: ApiDeps, message: Message, input: TurnInput): Promise<boolean> {
  if (message.kind !== "photo" || !agentReadsPhotos(deps, input.config)) return false;
  for (const fileId of message.fileIds ?? []) if (await photoDataUrl(deps, fileId)) return true;
  return false;
}

/** The batch's customer messages with files the model cannot read (documents; photos without vision). */
async function unreadableIn(deps: ApiDeps, input: TurnInput): Promise<Message[]> {
  const found: Message[] = [];
  for (const message of input.batch) {
    if (message.role !== "user" || (message.fileIds?.length ?? 0) === 0) continue;
    if (!(await readable(deps, message, input))) found.push(message);
  }
  return found;
}

/**
 * A turn over customer messages that may carry files (the web chat's uploads): photos the model reads go
 * into the usual turn; a file it cannot read is handed to a human when the agent says so
 * (`on_unreadable_message`), in the lane and under the turn's lease like any reply, else left for staff.
 * A batch without files is the plain turn.
 */
export async function runTurnWithFiles(deps: ApiDeps, input: TurnInput): Promise<TurnOutput> {
  if (!input.batch.some((message) => (message.fileIds?.length ?? 0) > 0)) {
    return runTurn(deps, input);
  }
  const unreadable = await unreadableIn(deps, input);
  if (unreadable.length === 0) return runTurn(deps, input);
  const conversation = await deps.repos.conversations.get(input.conversationId);
  if (!conversation) return runTurn(deps, input);
  if (onUnreadableMessage(input.config) !== "handoff") {
    // The files stay for staff; what else the customer wrote is answered.
    const rest = input.batch.filter((message) => !unreadable.includes(message));
    if (rest.length === 0) return { reply: null, conversation };
    return runTurn(deps, { ...input, batch: rest, snapshot: undefined });
  }
  if (!aiMayAnswer(conversation, input.config) || !input.handle.commit()) {
    return { reply: null, conversation };
  }
  const message = unreadable[unreadable.length - 1] as Message;
  const earlier = await deps.repos.messages.lastN(input.conversationId, EARLIER_FOR_LANGUAGE);
  const captions = input.batch.map((m) => m.content.trim()).filter((text) => text !== "");
  const reply = await handOffUnreadable(deps, conversation, input.config, message, {
    kind: message.kind,
    label: isUnreadable(message.kind) ? unreadableLabel(message.kind) : "file",
    // The captions count: the notice is in the language the customer wrote them in.
    earlierCustomerTexts: [
      ...earlier.filter((m) => m.role === "user" && m.kind === "text").map((m) => m.content),
      ...captions,
    ],
    answers: input.batch.map((m) => m.messageId),
  });
  const after = (await deps.repos.conversations.get(input.conversationId)) ?? conversation;
  return { reply, conversation: after };
}
