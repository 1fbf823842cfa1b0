import type { IncomingMessage, ServerResponse } from "node:http";
import { TWILIO_WEBHOOK_PATHS } from "@agents-crm/config/twilio";
import type { ApiDeps } from "../../../deps";
import { sendError } from "../../../server/http-io";
import type { WebhookRuntime } from "../webhook-runtime";
import { receiveTwilioWebhook } from "./twilio-webhook";

/** Twilio's two webhook paths; false for any other path. */
export async function routeTwilio(
  rt: WebhookRuntime & { deps: Pick<ApiDeps, "env" | "repos" | "inboxSignal" | "channelSecrets"> },
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<boolean> {
  const kind =
    path === TWILIO_WEBHOOK_PATHS.messages
      ? "messages"
      : path === TWILIO_WEBHOOK_PATHS.status
        ? "status"
        : null;
  if (!kind) return false;
  if (req.method !== "POST") {
    res.setHeader("allow", "POST");
    sendError(res, 405, "METHOD_NOT_ALLOWED", "Use POST");
  } else await receiveTwilioWebhook(rt, kind, req, res);
  return true;
}
