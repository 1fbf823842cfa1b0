import { z } from "zod";
import { TwilioApiError } from "./twilio-messages-api";
import { twilioGetJson } from "./twilio-rest-get";

// Whether a WhatsApp sender belongs to a Twilio account, in two documented reads:
// - the Senders API (https://www.twilio.com/docs/whatsapp/api/senders) on messaging.twilio.com:
//   `GET /v2/Channels/Senders?Channel=whatsapp&PageSize=…` → `{ senders: [{ sid, status, sender_id:
//   "whatsapp:+E164", … }], meta: { next_page_url, … } }`; only an ONLINE sender sends;
// - the IncomingPhoneNumber list filtered by number
//   (https://www.twilio.com/docs/phone-numbers/api/incomingphonenumber-resource#read-multiple-incomingphonenumber-resources):
//   `GET /2010-04-01/Accounts/{Sid}/IncomingPhoneNumbers.json?PhoneNumber=+E164` → `{ incoming_phone_numbers: […] }`,
//   which tells a number of the account that is not registered for WhatsApp from one it does not own.

const sendersPageSchema = z.looseObject({
  senders: z.array(
    z.looseObject({
      sid: z.string().nullish(),
      status: z.string(),
      sender_id: z.string().nullish(),
    }),
  ),
  meta: z.looseObject({ next_page_url: z.string().nullish() }).nullish(),
});

const numbersPageSchema = z.looseObject({
  incoming_phone_numbers: z.array(z.looseObject({ sid: z.string(), phone_number: z.string() })),
});

/** Senders fetched at most, 100 a page: an account with more is not one this product serves. */
const MAX_SENDER_PAGES = 10;

export interface TwilioWhatsAppSender {
  sid: string | null;
  status: string;
}

export function createTwilioSendersApi(options: {
  messagingBaseUrl: string;
  apiBaseUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}) {
  const messagingBase = options.messagingBaseUrl.replace(/\/+$/, "");
  const apiBase = options.apiBaseUrl.replace(/\/+$/, "");
  return {
    /** The account's WhatsApp sender with this id (`whatsapp:+E164`), or null when it has none. */
    async findWhatsAppSender(
      credentials: { accountSid: string; authToken: string },
      senderId: string,
    ): Promise<TwilioWhatsAppSender | null> {
      let url: string | null = `${messagingBase}/v2/Channels/Senders?Channel=whatsapp&PageSize=100`;
      for (let page = 0; url && page < MAX_SENDER_PAGES; page++) {
        const { status, json } = await twilioGetJson(url, credentials, options);
        const parsed = sendersPageSchema.safeParse(json);
        if (!parsed.success) throw new TwilioApiError(status, null, "unexpected answer");
        const found = parsed.data.senders.find((sender) => sender.sender_id === senderId);
        if (found) return { sid: found.sid ?? null, status: found.status };
        const next: string | null = parsed.data.meta?.next_page_url ?? null;
        // The credentials go only where they were meant to: a next page elsewhere is not followed.
        url = next && new URL(next).origin === new URL(messagingBase).origin ? next : null;
      }
      return null;
    },

    /** Whether the account owns this phone number (`+E164`), WhatsApp or not. */
    async ownsNumber(
      credentials: { accountSid: string; authToken: string },
      phoneNumber: string,
    ): Promise<boolean> {
      const query = new URLSearchParams({ PhoneNumber: phoneNumber, PageSize: "1" });
      const url = `${apiBase}/2010-04-01/Accounts/${encodeURIComponent(credentials.accountSid)}/IncomingPhoneNumbers.json?${query.toString()}`;
      const { status, json } = await twilioGetJson(url, credentials, options);
      const parsed = numbersPageSchema.safeParse(json);
      if (!parsed.success) throw new TwilioApiError(status, null, "unexpected answer");
      return parsed.data.incoming_phone_numbers.some((n) => n.phone_number === phoneNumber);
    },
  };
}
