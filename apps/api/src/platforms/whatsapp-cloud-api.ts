import { z } from "zod";
import { graphCall, graphConnection, type GraphApiOptions } from "./graph-api-call";

// WhatsApp Cloud API, messages:
// https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages
// `POST /{phone-number-id}/messages` → `{ messaging_product, contacts: [{ input, wa_id }], messages: [{ id }] }`.

/** "Re-engagement message": more than 24 h since the customer last wrote; only templates may go out. */
export const WHATSAPP_WINDOW_CODE = 131047;

const sendResultSchema = z.looseObject({
  messaging_product: z.literal("whatsapp"),
  messages: z.array(z.looseObject({ id: z.string() })).min(1),
});

const phoneNumberSchema = z.looseObject({
  id: z.string(),
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
});

export type WhatsAppCloudApiOptions = GraphApiOptions;

export function createWhatsAppCloudApi(options: WhatsAppCloudApiOptions) {
  const common = graphConnection(options);
  return {
    /** The business phone number the token may send from: proves the credentials before going live. */
    getPhoneNumber: (token: string, phoneNumberId: string) =>
      graphCall({
        ...common,
        operation: "WhatsApp phone number",
        token,
        method: "GET",
        path: encodeURIComponent(phoneNumberId),
        query: { fields: "id,display_phone_number,verified_name" },
        schema: phoneNumberSchema,
      }),
    /** A free-form text message; returns the wamid. */
    async sendText(token: string, phoneNumberId: string, input: { to: string; body: string }) {
      const result = await graphCall({
        ...common,
        operation: "WhatsApp send",
        token,
        method: "POST",
        path: `${encodeURIComponent(phoneNumberId)}/messages`,
        body: {
          messaging_product: "whatsapp",
          recipient_type: "individual",
          to: input.to,
          type: "text",
          text: { preview_url: false, body: input.body },
        },
        schema: sendResultSchema,
      });
      return { messageId: result.messages[0]?.id ?? "" };
    },
  };
}

export type WhatsAppCloudApi = ReturnType<typeof createWhatsAppCloudApi>;
