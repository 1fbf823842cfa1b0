import type { Conversation } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import type { InstagramGraphApi } from "../../platforms/instagram-graph-api";
import type { InboundEvent } from "../inbound-event";

/**
 * Name, username and picture of an Instagram customer, fetched with the binding's token when the cache
 * (5 days, the reference's TTL: picture URLs are signed and expire) has none, and put on the customer's
 * contact (its Instagram identity, and the name unless the customer or staff gave one). Failures (no
 * consent, a blocked user, rate limits) are logged and never stop the message. The conversation becomes
 * findable by the profile's name and username.
 */
export async function refreshInstagramProfile(
  deps: Pick<ApiDeps, "repos" | "log">,
  graph: Pick<InstagramGraphApi, "getProfile">,
  event: Pick<InboundEvent, "bindingId" | "externalUserId">,
  conversation?: Conversation,
): Promise<void> {
  const { repos } = deps;
  try {
    let profile = await repos.instagramProfiles.get(event.externalUserId);
    if (!profile) {
      const token = await repos.channelBindings.getAccessToken(event.bindingId);
      if (!token) return;
      const fetched = await graph.getProfile(token, event.externalUserId);
      profile = await repos.instagramProfiles.put({
        externalUserId: event.externalUserId,
        name: fetched.name,
        username: fetched.username,
        profilePic: fetched.profile_pic,
      });
    }
    if (!conversation) return;
    await repos.searchIndex.indexConversation(conversation, {
      names: [profile.name, profile.username],
    });
    if (!conversation.contactId) return;
    await repos.contacts.refreshIdentity(conversation.contactId, {
      channel: "instagram",
      agentId: conversation.agentId,
      externalUserId: event.externalUserId,
      displayName: profile.name ?? profile.username,
      username: profile.username,
      ...(profile.profilePic ? { profile: { profilePic: profile.profilePic } } : {}),
    });
  } catch (error) {
    deps.log.warn("instagram profile not fetched", { bindingId: event.bindingId, error });
  }
}
