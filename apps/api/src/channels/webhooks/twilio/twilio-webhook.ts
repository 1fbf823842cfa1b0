import type { IncomingMessage, ServerResponse } from "node:http";
import type { ChannelBinding } from "@agents-crm/db";
import { TWILIO_WEBHOOK_PATHS } from "@agents-crm/config/twilio";
import type { ApiDeps } from "../../../deps";
import { sendError } from "../../../server/http-io";
import { enqueueDeliveryStatuses } from "../../delivery/delivery-status-job";
import { isTwilioBinding, twilioCredentialsOf } from "../../settings/twilio-credentials";
import { recordEvents } from "../record-events";
import { routeEvents } from "../route-events";
import { readWebhookBody } from "../webhook-body";
import { headerOf, type WebhookRuntime } from "../webhook-runtime";
import { parseTwilioMessage, parseTwilioStatus } from "./twilio-events";
import { formParams, isValidTwilioSignature, TWILIO_SIGNATURE_HEADER } from "./twilio-signature";

/** A message webhook is a few kilobytes (ten media URLs at most); anything larger is not Twilio's. */
export const TWILIO_BODY_LIMIT_BYTES = 64 * 1024;

/** The empty TwiML answer: "received, no reply" (replies go out through the Messages API). */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

type TwilioRuntime = WebhookRuntime & {
  deps: Pick<ApiDeps, "env" | "repos" | "inboxSignal" | "channelSecrets">;
};

function sendTwiml(res: ServerResponse) {
  res.writeHead(200, {
    "content-type": "text/xml; charset=utf-8",
    "content-length": Buffer.byteLength(EMPTY_TWIML),
    "cache-control": "no-store",
  });
  res.end(EMPTY_TWIML);
}

/**
 * `POST /api/v1/twilio/whatsapp/webhook` (incoming messages) and `…/status` (status callbacks).
 * Twilio signs the URL it requested: behind a proxy that is the public address, so the signed URL is
 * APP_URL + the path and query, never the Host this server saw. The account's auth token (channel
 * settings) verifies before anything is looked up; a binding with its own token is looked up by our
 * sender (To on messages, From on status callbacks) and verifies with that.
 */
export async function receiveTwilioWebhook(
  rt: TwilioRuntime,
  kind: "messages" | "status",
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const receivedAt = new Date();
  const type = (headerOf(req.headers, "content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    sendError(
      res,
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      "Twilio webhooks are application/x-www-form-urlencoded",
    );
    return;
  }
  const body = await readWebhookBody(req, res, TWILIO_BODY_LIMIT_BYTES);
  if (!body) return;
  const signature = headerOf(req.headers, TWILIO_SIGNATURE_HEADER);
  if (!signature) {
    sendError(res, 401, "UNAUTHORIZED", "X-Twilio-Signature is required");
    return;
  }
  const appUrl = rt.deps.env.APP_URL;
  if (!appUrl) {
    rt.log.error("twilio webhook refused: no public address to check its signature against", {
      remedy: "set APP_URL to the address Twilio calls",
    });
    sendError(res, 503, "UNAVAILABLE", "The server's public address (APP_URL) is not configured");
    return;
  }
  const query = (req.url ?? "").includes("?")
    ? (req.url ?? "").slice((req.url ?? "").indexOf("?"))
    : "";
  const publicUrl = `${appUrl.replace(/\/+$/, "")}${TWILIO_WEBHOOK_PATHS[kind]}${query}`;
  const params = formParams(body);

  const accountToken = await rt.deps.channelSecrets.get("twilio_auth_token");
  let verified =
    accountToken !== undefined &&
    isValidTwilioSignature(accountToken, signature, publicUrl, params);
  const sender = params.get(kind === "messages" ? "To" : "From")?.[0];
  let binding: ChannelBinding | null = null;
  if (sender) {
    const routed = await rt.resolver.forAccount("whatsapp", sender, !verified);
    if (routed && isTwilioBinding(routed.binding)) binding = routed.binding;
  }
  if (!verified && binding) {
    const own = await twilioCredentialsOf(rt.deps, binding);
    verified = own !== null && isValidTwilioSignature(own.authToken, signature, publicUrl, params);
  }
  if (!verified) {
    rt.log.debug("twilio webhook refused: bad signature", { kind });
    sendError(res, 403, "FORBIDDEN", "Invalid X-Twilio-Signature");
    return;
  }

  if (kind === "status") {
    const report = parseTwilioStatus(params, receivedAt);
    if (report) {
      const { stored } = await enqueueDeliveryStatuses(
        rt.deps.repos.inboundEvents,
        [report],
        receivedAt,
      );
      if (stored > 0) rt.deps.inboxSignal.notify();
    }
    sendTwiml(res);
    return;
  }

  const parsed = parseTwilioMessage(params, receivedAt);
  if ("skipped" in parsed) {
    rt.log.info("twilio webhook item skipped", { reason: parsed.skipped });
    sendTwiml(res);
    return;
  }
  const routedBinding = binding
    ? await rt.resolver.forAccount("whatsapp", binding.channelAccountId)
    : null;
  const { routed, skipped } = routeEvents([parsed], () => routedBinding);
  if (skipped.length > 0) rt.log.info("twilio webhook event not routed", { reasons: skipped });
  const result = await recordEvents(rt.deps.repos.inboundEvents, routed, receivedAt);
  sendTwiml(res);
  if (result.stored > 0) rt.deps.inboxSignal.notify();
}
