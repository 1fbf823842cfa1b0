import type { IncomingMessage, ServerResponse } from "node:http";
import type { MetaPlatform } from "@agents-crm/config/channels";
import { storeAndAcknowledge } from "./acknowledge";
import { safeEqual } from "./constant-time";
import { sendError, sendText } from "../../server/http-io";
import type { AccountScan } from "./meta-account-scan";
import { META_MAX_ACCOUNTS_PER_DELIVERY, routeAccounts } from "./meta-accounts";
import { SIGNATURE_HEADER } from "./meta-signature";
import { refuseUnread, verifyPerBinding, type Refusal } from "./meta-verification";
import type { ParseResult } from "./parsed-event";
import { routeEvents } from "./route-events";
import { headerOf, tally, type WebhookRuntime } from "./webhook-runtime";
import { parseWebhookJson, readWebhookBody } from "./webhook-body";

/**
 * Meta's documented ceiling for a webhook payload is 3 MB (WhatsApp Cloud API); anything larger is
 * refused without being buffered (http-io).
 */
export const META_BODY_LIMIT_BYTES = 3 * 1024 * 1024;

export interface MetaChannel {
  platform: MetaPlatform;
  appSecret: string | undefined;
  appSecretVariable: string;
  verifyToken: string | undefined;
  verifyTokenVariable: string;
  /** The accounts a payload names, cheaply, before it is parsed. */
  scan(payload: unknown): AccountScan;
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

/**
 * Refusals before any lookup answer strangers, so they are logged only when debugging (a flood must not
 * become a flood of log lines); a binding that would not vouch is worth a warning.
 */
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

/**
 * `POST`: verify what can be verified before reading anything; then find the accounts named (refusing
 * too many), look their bindings up a few at a time, have each receiving binding vouch for the delivery,
 * and only then parse the events, store and acknowledge.
 */
export async function receiveMetaWebhook(
  rt: WebhookRuntime,
  channel: MetaChannel,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const receivedAt = new Date();
  const body = await readWebhookBody(req, res, META_BODY_LIMIT_BYTES);
  if (!body) return;
  const header = headerOf(req.headers, SIGNATURE_HEADER);
  const early = refuseUnread(rt, channel, body, header);
  if (early) {
    refuse(rt, channel, res, early, "debug");
    return;
  }
  const verifiedByEnv = channel.appSecret !== undefined;

  const payload = parseWebhookJson(body, res);
  if (payload === undefined) return;
  const scan = channel.scan(payload);
  if (!verifiedByEnv && scan.accounts.length > META_MAX_ACCOUNTS_PER_DELIVERY) {
    rt.log.debug("webhook refused: too many accounts to look up", {
      platform: channel.platform,
      accounts: scan.accounts.length,
      remedy: `set ${channel.appSecretVariable} so deliveries are verified before any lookup`,
    });
    sendError(
      res,
      413,
      "PAYLOAD_TOO_LARGE",
      `This delivery names ${scan.accounts.length} accounts; at most ${META_MAX_ACCOUNTS_PER_DELIVERY} accounts are accepted in one delivery`,
    );
    return;
  }
  const routes = await routeAccounts(rt.resolver, channel.platform, scan.accounts, {
    rememberMisses: !verifiedByEnv,
  });
  const receiving = new Map(
    [...routes.values()].flatMap((r) =>
      r && !r.refusal ? [[r.binding.bindingId, r.binding]] : [],
    ),
  );
  if (!verifiedByEnv) {
    const refusal = await verifyPerBinding(rt, channel, body, header, [...receiving.values()]);
    if (refusal) {
      refuse(rt, channel, res, refusal, "warn");
      return;
    }
    if (receiving.size === 0) {
      // Nothing here could be stored and nobody vouched for it: not worth parsing, nor a log line.
      rt.log.debug("webhook events not routed", {
        platform: channel.platform,
        items: scan.items,
        unknownAccounts: [...routes].flatMap(([a, r]) => (r ? [] : [a])).slice(0, 10),
      });
      await storeAndAcknowledge(rt, res, {
        platform: channel.platform,
        routed: [],
        skipped: scan.items,
        receivedAt,
      });
      return;
    }
  }

  const parsed = channel.parse(payload, receivedAt);
  const { routed, skipped, unknownAccounts } = routeEvents(parsed.events, (e) =>
    routes.get(e.accountId),
  );
  // Reports count only for accounts bound here (a stranger cannot mark our messages read).
  const reports = (parsed.reports ?? []).flatMap(({ accountId, ...report }) => {
    const route = routes.get(accountId);
    return route && !route.refusal ? [report] : [];
  });
  const allSkipped = [...parsed.skipped, ...skipped];
  if (skipped.length > 0) {
    rt.log.info("webhook events not routed", {
      platform: channel.platform,
      reasons: tally(skipped),
      // Capped: the ids are whatever the sender wrote.
      unknownAccounts: unknownAccounts.slice(0, 10),
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
    skipped: allSkipped.length + (parsed.reports?.length ?? 0) - reports.length,
    receivedAt,
    reports,
  });
}
