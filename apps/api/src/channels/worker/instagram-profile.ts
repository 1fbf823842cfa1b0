import type { ApiDeps } from "../../deps";
import type { InstagramGraphApi } from "../../platforms/instagram-graph-api";
import type { InboundEvent } from "../inbound-event";

/**
 * Name, username and picture of an Instagram customer, fetched with the binding's token when the cache
 * (5 days, the reference's TTL: picture URLs are signed and expire) has none. Failures (no consent, a
 * blocked user, rate limits) are logged and never stop the message.
 */
export async function refreshInstagramProfile(
  deps: Pick<ApiDeps, "repos" | "log">,
  graph: Pick<InstagramGraphApi, "getProfile">,
  event: Pick<InboundEvent, "bindingId" | "externalUserId">,
): Promise<void> {
  const { repos } = deps;
  try {
    if (await repos.instagramProfiles.get(event.externalUserId)) return;
    const token = await repos.channelBindings.getAccessToken(event.bindingId);
    if (!token) return;
    const profile = await graph.getProfile(token, event.externalUserId);
    await repos.instagramProfiles.put({
      externalUserId: event.externalUserId,
      name: profile.name,
      username: profile.username,
      profilePic: profile.profile_pic,
    });
  } catch (error) {
    deps.log.warn("instagram profile not fetched", { bindingId: event.bindingId, error });
  }
}
