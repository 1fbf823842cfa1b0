import { withAttachments } from "../../files/attachment-views";
import type { ConversationStatus } from "@agents-crm/config/conversations";
import type { Conversation } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { eventIdFloor } from "../../realtime/event-ids";
import { contactForWebVisitor, linkContact } from "../contacts/link-contact";
import { DomainError, notFound, preconditionFailed } from "../errors";
import { AgentUnavailableError, receiveCustomerMessage } from "../turns/customer-message";
import { emitConversationCreated } from "./emit";
import { customerWrote } from "./status-machine";
import { acceptsCustomerMessages, INITIAL_STATUS, REFUSALS } from "./status-rules";
import { publicMessage, publicMessages, type PublicMessage } from "./views";
import { filesMessage, visitorFiles, withVisitorFiles } from "./web-chat-files";
import { newWebToken, webTokenMatches } from "./web-token";

const hidden = () => notFound("Conversation not found");

/**
 * The token is the only way in, and only into web chat conversations (the reference served Instagram
 * and Telegram transcripts to anyone with an id). Every refusal is the same NOT_FOUND, so a caller
 * cannot tell a wrong token from a missing conversation.
 */
export async function openWebChat(
  deps: ApiDeps,
  input: { conversationId: string; token: string },
): Promise<Conversation> {
  const conversation = await deps.repos.conversations.get(input.conversationId);
  if (!conversation || conversation.channel !== "web_chat") throw hidden();
  if (!webTokenMatches(conversation, input.token)) throw hidden();
  return conversation;
}

export async function startWebChat(
  deps: ApiDeps,
  input: { agentId: string },
): Promise<{ conversationId: string; token: string }> {
  const agent = await deps.repos.agents.get(input.agentId);
  if (!agent) throw notFound("Agent not found");
  if (!agent.isActive) throw preconditionFailed("This agent is not taking new conversations");
  const { token, hash } = newWebToken();
  const contactId = await contactForWebVisitor(deps, {
    agentId: agent.agentId,
    webTokenHash: hash,
  });
  const conversation = await deps.repos.conversations.create({
    agentId: agent.agentId,
    channel: "web_chat",
    webTokenHash: hash,
    contactId,
    status: INITIAL_STATUS,
  });
  await emitConversationCreated(deps.hub, conversation);
  return { conversationId: conversation.conversationId, token };
}

export async function sendWebChatMessage(
  deps: ApiDeps,
  input: { conversationId: string; token: string; content: string; fileIds?: string[] },
): Promise<{
  userMessage: PublicMessage;
  reply: PublicMessage | null;
  status: ConversationStatus;
}> {
  const opened = await openWebChat(deps, input);
  if (!acceptsCustomerMessages(opened.status)) {
    throw preconditionFailed(REFUSALS[opened.status]);
  }
  const files = input.fileIds?.length ? await visitorFiles(deps, opened, input.fileIds) : [];
  // A chat started before contacts existed gets its contact on its next message.
  const conversation = await customerWrote(deps, await linkContact(deps, opened));
  try {
    // With files too: the same durable turn (its item, the conversation's lease, the hand-over to the
    // replica that runs it), so a photo is answered once and in order wherever it arrives.
    const outcome = await receiveCustomerMessage(deps, {
      conversation,
      content: input.content,
      durableTurn: true,
      ...(files.length > 0 ? filesMessage(input.content, files) : {}),
    });
    return {
      userMessage: publicMessage(
        await withVisitorFiles(deps, outcome.userMessage),
      ) as PublicMessage,
      // A reply carrying library documents shows them at once, by signed links.
      reply: outcome.reply && publicMessage(await withVisitorFiles(deps, outcome.reply)),
      status: outcome.conversation.status,
    };
  } catch (error) {
    if (error instanceof AgentUnavailableError) {
      throw new DomainError("PRECONDITION_FAILED", "This chat is not available any more", {
        cause: error,
      });
    }
    throw error;
  }
}

export async function webChatHistory(
  deps: ApiDeps,
  input: {
    conversationId: string;
    token: string;
    cursor?: string | null;
    limit: number;
    order: "asc" | "desc";
  },
) {
  // Taken before reading: a subscription started with this id replays whatever lands meanwhile.
  const eventCursor = eventIdFloor(Date.now() - deps.hub.resumeSkewMs);
  const conversation = await openWebChat(deps, input);
  const page = await deps.repos.messages.page(conversation.conversationId, {
    cursor: input.cursor,
    limit: input.limit,
    order: input.order,
  });
  // The visitor's own files and the staff's, as signed links: an <img> sends no token.
  const items = await withAttachments(deps.repos, page.items, { signer: deps.files.signer });
  return {
    items: publicMessages(items),
    nextCursor: page.nextCursor,
    status: conversation.status,
    /** Pass as `lastEventId` to `chat.onEvent` to miss nothing between this read and the subscription. */
    eventCursor,
  };
}
