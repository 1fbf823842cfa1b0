import { z } from "zod";
import { twilioErrorMessage } from "@agents-crm/config/twilio";

// Twilio's Messages API (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource):
// `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded (From, To, Body, MediaUrl — repeatable
// —, StatusCallback), HTTP basic auth with the account SID and auth token. Success is 201 with the message
// resource (`sid`, `status`, …); errors are `{ code, message, more_info, status }`
// (https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions).

const messageSchema = z.looseObject({ sid: z.string().min(1), status: z.string().optional() });
const errorSchema = z.looseObject({
  code: z.number().optional(),
  message: z.string().optional(),
  more_info: z.string().optional(),
});

/** A refused or failed Twilio call; `status` null when Twilio did not answer. Never holds credentials. */
export class TwilioApiError extends Error {
  override readonly name = "TwilioApiError";
  constructor(
    readonly status: number | null,
    readonly code: number | null,
    description: string,
    options?: { cause?: unknown },
  ) {
    super(`Twilio send failed: ${description}`, options);
  }

  /** Unreachable, 5xx and 429 (Twilio error 20429) are worth another try; other refusals are final. */
  get isRetryable(): boolean {
    return this.status === null || this.status >= 500 || this.status === 429;
  }
}

export interface TwilioSendInput {
  accountSid: string;
  authToken: string;
  from: string;
  to: string;
  body?: string;
  mediaUrls?: string[];
  statusCallback?: string;
}

export function createTwilioMessagesApi(options: {
  baseUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}) {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, "");
  return {
    /** Sends one WhatsApp message; returns Twilio's message SID (what status callbacks name). */
    async send(input: TwilioSendInput): Promise<{ sid: string }> {
      const form = new URLSearchParams({ From: input.from, To: input.to });
      if (input.body) form.set("Body", input.body);
      for (const url of input.mediaUrls ?? []) form.append("MediaUrl", url);
      if (input.statusCallback) form.set("StatusCallback", input.statusCallback);
      const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(input.accountSid)}/Messages.json`;
      const auth = Buffer.from(`${input.accountSid}:${input.authToken}`).toString("base64");
      let res: Response;
      try {
        res = await doFetch(url, {
          method: "POST",
          headers: {
            authorization: `Basic ${auth}`,
            "content-type": "application/x-www-form-urlencoded",
            accept: "application/json",
          },
          body: form.toString(),
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        throw new TwilioApiError(null, null, "Twilio did not answer", { cause: error });
      }
      const json: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const parsed = errorSchema.safeParse(json);
        const code = parsed.success ? (parsed.data.code ?? null) : null;
        const words =
          code !== null
            ? twilioErrorMessage(code, parsed.success ? parsed.data.message : undefined)
            : `HTTP ${res.status}`;
        throw new TwilioApiError(res.status, code, words);
      }
      const parsed = messageSchema.safeParse(json);
      if (!parsed.success) throw new TwilioApiError(res.status, null, "unexpected answer");
      return { sid: parsed.data.sid };
    },
  };
}

export type TwilioMessagesApi = ReturnType<typeof createTwilioMessagesApi>;
