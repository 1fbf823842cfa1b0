import type { Conversation } from "@agents-crm/db";
import type { ProfileReader } from "./customer-profiles";

/**
 * Matches a staff search: a conversation id prefix, the external user id, the Instagram profile's name
 * or username, or the last message preview (case-insensitive). Profiles are read only for Instagram
 * conversations that match nothing else, through the request's reader (once per user).
 */
export function createConversationMatcher(readProfile: ProfileReader, search: string) {
  const needle = search.toLowerCase();

  const profileText = async (externalUserId: string) => {
    const profile = await readProfile(externalUserId);
    return `${profile?.name ?? ""}\n${profile?.username ?? ""}`.toLowerCase();
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
