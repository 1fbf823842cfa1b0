import type { IncomingMessage, ServerResponse } from "node:http";
import type { ChannelBinding } from "@agents-crm/db";
import { storeAndAcknowledge } from "./acknowledge";
import { safeEqual } from "./constant-time";
import { readRawBody, refuseBody, sendError, sendText } from "./http-io";
import { SIGNATURE_HEADER, signatureMatches } from "./meta-signature";
import type { ParseResult } from "./parsed-event";
import { routeEvents } from "./route-events";
import { headerOf, tally, type WebhookRuntime } from "./webhook-runtime";

/**
 * Meta's documented ceiling for a webhook payload is 3 MB (WhatsApp Cloud API); anything larger is
 * refused without being buffered (http-io).
 */
export const META_BODY_LIMIT_BYTES = 3 * 1024 * 1024;

export interface MetaChannel {
  platform: "instagram" | "whatsapp";
  appSecret: string | undefined;
  appSecretVariable: string;
  verifyToken: string | undefined;
  verifyTokenVariable: string;
  parse(payload: unknown, receivedAt: Date): ParseResult;
}

type Refusal = { status: 401 | 403 | 503; code: string; message: string };

const MISSING: Refusal = {
  status: 401,
  code: "UNAUTHORIZED",
  message: "X-Hub-Signature-256 is required",
};
const BAD: Refusal = { status: 403, code: "FORBIDDEN", message: "Invalid signature" };

/** `GET`: Meta's subscription handshake; echoes hub.challenge when hub.verify_token is ours. */
export function verifySubscription(
  rt: WebhookRuntime,
  channel: MetaChannel,
  url: URL,
  res: ServerResponse,
) {
  const mode = url.searchParams.get("hub.mode");
  const token = url.searchParams.get("hub.verify_token");
  const challenge = url.searchParams.get("hub.challenge");
  if (channel.verifyToken === undefined) {
    rt.log.warn("webhook verification refused: no verify token configured", {
      platform: channel.platform,
      remedy: `set ${channel.verifyTokenVariable}`,
    });
  } else if (
    mode === "subscribe" &&
    token !== null &&
    challenge !== null &&
    safeEqual(token, channel.verifyToken)
  ) {
    sendText(res, 200, challenge);
    return;
  }
  sendError(res, 403, "FORBIDDEN", "Webhook verification failed");
}

/**
 * Without the app secret in the environment, each binding that would receive events must be vouched
 * for by the app secret stored with it (bindings may belong to different Meta apps), or — when it has
 * none either — by the unsigned policy (development only). Runs after routing, before anything is stored.
 */
async function verifyPerBinding(
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

/** `POST`: verify, parse, route, store, acknowledge. */
export async function receiveMetaWebhook(
  rt: WebhookRuntime,
  channel: MetaChannel,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const receivedAt = new Date();
  const raw = await readRawBody(req, META_BODY_LIMIT_BYTES);
  if (!raw.ok) {
    refuseBody(res, raw.reason, META_BODY_LIMIT_BYTES);
    return;
  }
  // Verify first: with the app secret configured, nothing unsigned by it is even parsed.
  const header = headerOf(req.headers, SIGNATURE_HEADER);
  if (channel.appSecret !== undefined) {
    const refusal =
      header === undefined
        ? MISSING
        : signatureMatches(raw.body, header, channel.appSecret)
          ? null
          : BAD;
    if (refusal) {
      sendError(res, refusal.status, refusal.code, refusal.message);
      return;
    }
  }

  let payload: unknown;
  try {
    payload = JSON.parse(raw.body.toString("utf8"));
  } catch {
    sendError(res, 400, "BAD_REQUEST", "The body is not valid JSON");
    return;
  }
  const parsed = channel.parse(payload, receivedAt);
  const accounts = [...new Set(parsed.events.map((event) => event.accountId))];
  const routes = new Map(
    await Promise.all(
      accounts.map(
        async (account) =>
          [account, await rt.resolver.forAccount(channel.platform, account)] as const,
      ),
    ),
  );
  const { routed, skipped, unknownAccounts } = routeEvents(parsed.events, (e) =>
    routes.get(e.accountId),
  );

  if (channel.appSecret === undefined) {
    const receiving = new Map(
      [...routes.values()].flatMap((r) =>
        r && !r.refusal ? [[r.binding.bindingId, r.binding]] : [],
      ),
    );
    const refusal = await verifyPerBinding(rt, channel, raw.body, header, [...receiving.values()]);
    if (refusal) {
      rt.log.warn("webhook refused", {
        platform: channel.platform,
        status: refusal.status,
        reason: refusal.code,
      });
      sendError(res, refusal.status, refusal.code, refusal.message);
      return;
    }
  }

  const allSkipped = [...parsed.skipped, ...skipped];
  if (skipped.length > 0) {
    rt.log.info("webhook events not routed", {
      platform: channel.platform,
      reasons: tally(skipped),
      unknownAccounts,
    });
  }
  if (parsed.skipped.length > 0) {
    rt.log.debug("webhook items skipped", {
      platform: channel.platform,
      reasons: tally(parsed.skipped),
    });
  }
  await storeAndAcknowledge(rt, res, {
    platform: channel.platform,
    routed,
    skipped: allSkipped.length,
    receivedAt,
  });
}
