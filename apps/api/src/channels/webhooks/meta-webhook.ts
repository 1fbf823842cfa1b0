import type { IncomingMessage, ServerResponse } from "node:http";
import { storeAndAcknowledge } from "./acknowledge";
import { safeEqual } from "./constant-time";
import { readRawBody, refuseBody, sendError, sendText } from "./http-io";
import { SIGNATURE_HEADER } from "./meta-signature";
import { refuseUnread, verifyPerBinding, type Refusal } from "./meta-verification";
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

/** Refusals before any lookup are the cheap answer to strangers: logged only when debugging. */
function refuse(
  rt: WebhookRuntime,
  channel: MetaChannel,
  res: ServerResponse,
  refusal: Refusal,
  level: "debug" | "warn",
) {
  rt.log[level]("webhook refused", {
    platform: channel.platform,
    status: refusal.status,
    reason: refusal.code,
  });
  sendError(res, refusal.status, refusal.code, refusal.message);
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
  // Verify first: what no secret could vouch for is not even parsed.
  const header = headerOf(req.headers, SIGNATURE_HEADER);
  const early = refuseUnread(rt, channel, raw.body, header);
  if (early) {
    refuse(rt, channel, res, early, "debug");
    return;
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
      refuse(rt, channel, res, refusal, "warn");
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
