import { TWILIO_WEBHOOK_PATHS } from "@agents-crm/config/twilio";
import type { FakeTwilio } from "../fakes/fake-twilio";
import type { Channels } from "./channels-kit";

/** The address Twilio calls: a proxy in front of the API, so never the host the server sees. */
export const TWILIO_APP_URL = "https://crm.example.test";

/**
 * An incoming WhatsApp message as Twilio posts it (the fields of
 * https://www.twilio.com/docs/messaging/guides/webhook-request, WhatsApp's ProfileName and WaId):
 * `sid` from the WhatsApp number `from` (digits only) to the binding's sender `to`.
 */
export const twilioIncoming = (
  message: { sid: string; from: string; to: string; accountSid: string; body?: string },
  extra: Record<string, string> = {},
): Record<string, string> => ({
  SmsMessageSid: message.sid,
  NumMedia: "0",
  ProfileName: "Sheena Nelson",
  MessageType: "text",
  SmsSid: message.sid,
  WaId: message.from,
  SmsStatus: "received",
  Body: message.body ?? "",
  To: message.to,
  NumSegments: "1",
  ReferralNumMedia: "0",
  MessageSid: message.sid,
  AccountSid: message.accountSid,
  From: `whatsapp:+${message.from}`,
  ApiVersion: "2010-04-01",
  ...extra,
});

/** Twilio posts `params` to the messages or status webhook, signed over its public address with `authToken`. */
export const postTwilio = (
  c: Channels,
  twilio: FakeTwilio,
  kind: keyof typeof TWILIO_WEBHOOK_PATHS,
  params: Record<string, string>,
  authToken: string,
) =>
  twilio.webhook({
    authToken,
    publicUrl: `${TWILIO_APP_URL}${TWILIO_WEBHOOK_PATHS[kind]}`,
    deliverTo: `${c.t.url}${TWILIO_WEBHOOK_PATHS[kind]}`,
    params,
  });

/** The agent's binding of the Twilio sender, as the console lists it; throws when there is none. */
export async function twilioBindingOf(c: Channels, agentId: string, sender: string) {
  const { items } = await c.admin.bindings.list({ agentId });
  const binding = items.find((item) => item.channelAccountId === sender);
  if (!binding) throw new Error(`no binding ${sender}`);
  return binding;
}

/**
 * Staff bind the Twilio sender to the agent from the console: with its own auth token and account SID,
 * or without them, on the channel settings' account.
 */
export const bindTwilio = (
  c: Channels,
  agentId: string,
  sender: string,
  own?: { authToken: string; accountSid: string },
) =>
  c.admin.bindings.create({
    agentId,
    channelType: "whatsapp",
    channelAccountId: sender,
    ...(own
      ? { accessToken: own.authToken, metadata: { provider: "twilio", accountSid: own.accountSid } }
      : { metadata: { provider: "twilio" } }),
  });
