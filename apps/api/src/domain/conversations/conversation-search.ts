import type { Conversation, Repositories } from "@agents-crm/db";

/**
 * Matches a staff search: a conversation id prefix, the external user id, the Instagram profile's name
 * or username, or the last message preview (case-insensitive). Profiles are read only for Instagram
 * conversations that match nothing else, once per user per request.
 */
export function createConversationMatcher(
  repos: Pick<Repositories, "instagramProfiles">,
  search: string,
) {
  const needle = search.toLowerCase();
  const profiles = new Map<string, Promise<string>>();

  const profileText = (externalUserId: string) => {
    let text = profiles.get(externalUserId);
    if (!text) {
      text = repos.instagramProfiles
        .get(externalUserId)
        .then((p) => `${p?.name ?? ""}\n${p?.username ?? ""}`.toLowerCase());
      profiles.set(externalUserId, text);
    }
    return text;
  };

  async function matches(conversation: Conversation): Promise<boolean> {
    if (conversation.conversationId.toLowerCase().startsWith(needle)) return true;
    if (conversation.externalUserId?.toLowerCase().includes(needle)) return true;
    if (conversation.lastMessagePreview?.toLowerCase().includes(needle)) return true;
    if (conversation.channel === "instagram" && conversation.externalUserId) {
      return (await profileText(conversation.externalUserId)).includes(needle);
    }
    return false;
  }

  /** Indexes (in `items`) of the matching conversations, in order. */
  return async (items: readonly Conversation[]): Promise<number[]> => {
    const verdicts = await Promise.all(items.map(matches));
    return verdicts.flatMap((ok, index) => (ok ? [index] : []));
  };
}
