import type { IncomingMessage, ServerResponse } from "node:http";
import { storeAndAcknowledge } from "./acknowledge";
import { safeEqual } from "./constant-time";
import { sendError } from "../../server/http-io";
import { routeEvents } from "./route-events";
import { parseTelegramUpdate } from "./telegram-events";
import { headerOf, type WebhookRuntime } from "./webhook-runtime";
import { parseWebhookJson, readWebhookBody } from "./webhook-body";

export const TELEGRAM_BODY_LIMIT_BYTES = 1024 * 1024;
export const TELEGRAM_SECRET_HEADER = "x-telegram-bot-api-secret-token";

const BINDING_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * `POST /api/v1/telegram/webhook/{bindingId}`: one Update per request. The secret token we gave
 * `setWebhook` must come back in X-Telegram-Bot-Api-Secret-Token. An unknown, inactive or non-Telegram
 * binding answers 404, so Telegram gives up on it after its retries.
 */
export async function receiveTelegramWebhook(
  rt: WebhookRuntime,
  bindingId: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const receivedAt = new Date();
  const body = await readWebhookBody(req, res, TELEGRAM_BODY_LIMIT_BYTES);
  if (!body) return;
  const route = BINDING_ID.test(bindingId) ? await rt.resolver.forId(bindingId) : null;
  if (!route || route.binding.channelType !== "telegram" || route.refusal === "inactive_binding") {
    sendError(res, 404, "NOT_FOUND", "No active Telegram binding here");
    return;
  }
  const presented = headerOf(req.headers, TELEGRAM_SECRET_HEADER);
  const secret = await rt.resolver.webhookSecret(bindingId);
  if (secret === null) {
    const remedy = "verify the binding (bindings.verify) so a secret token is registered";
    if (!rt.unsigned.accept(`telegram:${bindingId}`, remedy)) {
      sendError(res, 503, "NOT_CONFIGURED", "This binding has no webhook secret yet");
      return;
    }
  } else if (
    presented === undefined ||
    // A mismatch re-reads the secret once: bindings.verify may just have registered a new one.
    (!safeEqual(presented, secret) &&
      !safeEqual(presented, (await rt.resolver.webhookSecret(bindingId, true)) ?? secret))
  ) {
    sendError(res, 401, "UNAUTHORIZED", "Invalid or missing secret token");
    return;
  }

  const payload = parseWebhookJson(body, res);
  if (payload === undefined) return;
  const parse = (binding: typeof route.binding) =>
    parseTelegramUpdate(payload, binding.channelAccountId, receivedAt, {
      allowGroups: binding.metadata.allowGroups === true,
      botUsername: binding.channelUsername,
    });
  let bindingRoute = route;
  let parsed = parse(route.binding);
  // The cached binding may predate staff allowing groups a moment ago: a group message it refuses
  // is decided again on the stored binding (past the secret check, so only the bot's own traffic
  // costs this read).
  if (parsed?.skipped.includes("group_chat")) {
    const current = await rt.resolver.forId(bindingId, true);
    if (current?.refusal === null) {
      bindingRoute = current;
      parsed = parse(current.binding);
    }
  }
  if (!parsed) {
    sendError(res, 400, "BAD_REQUEST", "The body is not a Telegram Update");
    return;
  }
  const { routed, skipped } = routeEvents(parsed.events, () => bindingRoute);
  const reasons = [...parsed.skipped, ...skipped];
  if (skipped.length > 0)
    rt.log.info("telegram update not routed", { bindingId, reasons: skipped });
  else if (parsed.skipped.length > 0)
    rt.log.debug("telegram update skipped", { bindingId, reasons });
  await storeAndAcknowledge(rt, res, {
    platform: "telegram",
    routed,
    skipped: reasons.length,
    receivedAt,
  });
}
