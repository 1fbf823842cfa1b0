"use client";

import type { ChatAction } from "./chat-reducer";
import type { ChatSession } from "./chat-types";
import { uploadChatFile } from "./chat-files";
import { describeSendError } from "./send-errors";
import { trpc } from "~/lib/trpc";

let clientIds = 0;
const newClientId = () => `out:${Date.now().toString(36)}:${++clientIds}`;

export interface ChatSendParts {
  apply: (action: ChatAction) => void;
  /** The conversation as of now; null before the first message. */
  current: () => ChatSession | null;
  /** Follow a conversation just started; resolves once its first reply can stream in. */
  begin: (session: ChatSession) => Promise<void>;
  /** The server no longer knows the conversation: forget it (the message is kept, to retry). */
  forget: () => void;
  agentUnavailable: () => void;
}

/**
 * Sending a message through `chat.start` (for the first one) and `chat.send`: shown at once
 * (optimistically), then replaced by the stored message, or marked failed with the reason — to
 * retry (under the same client id) or take back into the composer.
 */
export function useChatSend(agentId: string, parts: ChatSendParts) {
  const startChat = trpc.chat.start.useMutation();
  const sendMessage = trpc.chat.send.useMutation();
  const { apply } = parts;

  return async (content: string, clientId = newClientId(), files: readonly File[] = []) => {
    const fileNames = files.map((file) => file.name);
    apply({ type: "send", clientId, content, fileNames });
    let step: "start" | "send" = "start";
    try {
      let session = parts.current();
      if (!session) {
        session = await startChat.mutateAsync({ agentId });
        await parts.begin(session);
      }
      step = "send";
      // Uploaded only now: a file belongs to the conversation it was uploaded into.
      const fileIds: string[] = [];
      for (const file of files) fileIds.push(await uploadChatFile(session, file));
      const result = await sendMessage.mutateAsync({
        ...session,
        content,
        ...(fileIds.length > 0 ? { fileIds } : {}),
      });
      apply({ type: "sent", clientId, result });
    } catch (error) {
      const problem = describeSendError(error, step);
      if (problem.forgetConversation) {
        parts.forget();
        apply({ type: "send", clientId, content, fileNames });
      }
      if (problem.closed) apply({ type: "status", status: "CLOSED" });
      if (problem.agentUnavailable) parts.agentUnavailable();
      apply({ type: "sendFailed", clientId, error: problem.reason });
    }
  };
}
