import type { ChannelSettingName } from "@agents-crm/config/channel-settings";
import type { ServerEnv } from "@agents-crm/config/env";
import { TWILIO_WEBHOOK_PATHS } from "@agents-crm/config/twilio";
import { createTwilioMessagesApi } from "../../platforms/twilio-messages-api";
import { PermanentDeliveryError } from "./delivery-errors";
import type { TwilioTarget } from "./send-part";

type SecretReader = { get(name: ChannelSettingName): Promise<string | undefined> };

/** WhatsApp through Twilio: each of the binding's own credentials, else the channel settings'. */
export function createTwilioSender(
  env: Pick<
    ServerEnv,
    "TWILIO_API_BASE_URL" | "APP_URL" | "TWILIO_ACCOUNT_SID" | "TWILIO_AUTH_TOKEN"
  >,
  options: { timeoutMs?: number; secrets?: SecretReader } = {},
) {
  const api = createTwilioMessagesApi({
    baseUrl: env.TWILIO_API_BASE_URL,
    timeoutMs: options.timeoutMs,
  });
  // Without the console's settings (scripts, some tests) the environment alone answers.
  const secrets: SecretReader = options.secrets ?? {
    get: (name) =>
      Promise.resolve(
        name === "twilio_account_sid"
          ? env.TWILIO_ACCOUNT_SID
          : name === "twilio_auth_token"
            ? env.TWILIO_AUTH_TOKEN
            : undefined,
      ),
  };
  // Twilio reports sent/delivered/read/failed to this address; without a public one, no reports.
  const statusCallback = env.APP_URL
    ? `${env.APP_URL.replace(/\/+$/, "")}${TWILIO_WEBHOOK_PATHS.status}`
    : undefined;

  return {
    /** Sends text and/or media links from the binding's sender; returns Twilio's message SID. */
    async send(
      target: TwilioTarget,
      content: { body?: string; mediaUrls?: string[] },
    ): Promise<string> {
      const authToken = target.twilio.authToken ?? (await secrets.get("twilio_auth_token"));
      const accountSid = target.twilio.accountSid ?? (await secrets.get("twilio_account_sid"));
      if (!authToken || !accountSid) {
        throw new PermanentDeliveryError(
          "Twilio's account SID and auth token are not set: add them to the binding or in Settings → Channels",
          { failure: { kind: "twilio_no_credentials" } },
        );
      }
      const { sid } = await api.send({
        accountSid,
        authToken,
        from: target.accountId,
        to: `whatsapp:+${target.recipient}`,
        ...content,
        ...(statusCallback ? { statusCallback } : {}),
      });
      return sid;
    },
  };
}

export type TwilioSender = ReturnType<typeof createTwilioSender>;
