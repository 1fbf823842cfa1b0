import type { ChannelBinding } from "@agents-crm/db";
import { isSignatureShaped, signatureMatches } from "./meta-signature";
import type { MetaChannel } from "./meta-webhook";
import type { WebhookRuntime } from "./webhook-runtime";

export type Refusal = { status: 401 | 403 | 503; code: string; message: string };

export const MISSING: Refusal = {
  status: 401,
  code: "UNAUTHORIZED",
  message: "X-Hub-Signature-256 is required",
};
export const BAD: Refusal = { status: 403, code: "FORBIDDEN", message: "Invalid signature" };

/**
 * What can be refused before anything is parsed or looked up. With the environment's app secret, the
 * whole check. Without it, a delivery must still carry something shaped like a signature, since only a
 * binding's own secret can vouch for it now, unless the operator allowed unsigned deliveries.
 */
export function refuseUnread(
  rt: WebhookRuntime,
  channel: MetaChannel,
  body: Buffer,
  header: string | undefined,
): Refusal | null {
  if (channel.appSecret !== undefined) {
    if (header === undefined) return MISSING;
    return signatureMatches(body, header, channel.appSecret) ? null : BAD;
  }
  if (header === undefined) return rt.unsigned.allowed ? null : MISSING;
  return isSignatureShaped(header) ? null : BAD;
}

/**
 * Without the app secret in the environment, each binding that would receive events must be vouched
 * for by the app secret stored with it (bindings may belong to different Meta apps), or — when it has
 * none either — by the unsigned policy (ALLOW_UNSIGNED_WEBHOOKS, development only). Runs after routing,
 * before anything is stored; stops at the first binding that does not vouch.
 */
export async function verifyPerBinding(
  rt: WebhookRuntime,
  channel: MetaChannel,
  body: Buffer,
  header: string | undefined,
  bindings: ChannelBinding[],
): Promise<Refusal | null> {
  for (const { bindingId } of bindings) {
    const secret = await rt.resolver.appSecret(bindingId);
    if (secret === null) {
      const remedy = `set ${channel.appSecretVariable} or the binding's app secret`;
      if (rt.unsigned.accept(`${channel.platform}:${bindingId}`, remedy)) continue;
      return {
        status: 503,
        code: "NOT_CONFIGURED",
        message: "Webhook signatures cannot be verified",
      };
    }
    if (header === undefined) return MISSING;
    const vouches = (candidate: string | null) =>
      candidate !== null && signatureMatches(body, header, candidate);
    // A mismatch re-reads the secret once: it may have been rotated since it was cached.
    if (!vouches(secret) && !vouches(await rt.resolver.appSecret(bindingId, true))) return BAD;
  }
  return null;
}
