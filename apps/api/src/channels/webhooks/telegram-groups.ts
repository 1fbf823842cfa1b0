// Telegram chats are "private", "group", "supergroup" or "channel" (https://core.telegram.org/bots/api#chat).
// By default only private chats are customers (as Chatwoot's Telegram inbox does): in a group the whole
// group would otherwise be one customer, and the bot would answer everyone's small talk. A binding may
// allow groups; then only messages that address the bot count — a mention of its @username
// (`entities[].type = "mention"`, https://core.telegram.org/bots/api#messageentity) or a reply to one of
// its messages (`reply_to_message.from.id` is the bot) — and the conversation is the group's.

export interface TelegramGroupPolicy {
  /** The binding's `metadata.allowGroups`. */
  allowGroups: boolean;
  /** The bot's username (the binding's channelUsername, learnt on verify), for mentions. */
  botUsername?: string;
}

interface GroupMessageFacts {
  chat: { type?: string };
  text?: string;
  caption?: string;
  entities?: { type: string; offset: number; length: number }[];
  caption_entities?: { type: string; offset: number; length: number }[];
  reply_to_message?: { from?: { id: string } };
}

export const isGroupChat = (chat: { type?: string }) =>
  chat.type === "group" || chat.type === "supergroup" || chat.type === "channel";

/** Does this group message speak to the bot: a mention of its @username, or a reply to it? */
export function addressesBot(
  message: GroupMessageFacts,
  botId: string,
  botUsername: string | undefined,
): boolean {
  if (message.reply_to_message?.from?.id === botId) return true;
  if (!botUsername) return false;
  const handle = `@${botUsername.replace(/^@/, "")}`.toLowerCase();
  const sources: [string | undefined, GroupMessageFacts["entities"]][] = [
    [message.text, message.entities],
    [message.caption, message.caption_entities],
  ];
  return sources.some(([text, entities]) =>
    (entities ?? []).some(
      (entity) =>
        entity.type === "mention" &&
        text?.slice(entity.offset, entity.offset + entity.length).toLowerCase() === handle,
    ),
  );
}

/** Why a message from this chat is not for the agent, or null when it is. */
export function groupSkipReason(
  message: GroupMessageFacts,
  botId: string,
  policy: TelegramGroupPolicy,
): string | null {
  if (!isGroupChat(message.chat)) return null;
  if (message.chat.type === "channel") return "channel_post";
  if (!policy.allowGroups) return "group_chat";
  return addressesBot(message, botId, policy.botUsername) ? null : "group_not_addressed";
}
