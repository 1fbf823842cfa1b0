import { z } from "zod";
import { graphCall, graphConnection, type GraphApiOptions } from "./graph-api-call";
import { uploadTimeoutMs } from "./upload-timeout";

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

const uploadResultSchema = z.looseObject({ id: z.string().min(1) });

export type WhatsAppMediaType = "image" | "document" | "audio" | "video";

/** A media message's object: the uploaded media id, a caption (not on audio), a document's file name. */
export interface WhatsAppMediaInput {
  to: string;
  type: WhatsAppMediaType;
  mediaId: string;
  caption?: string;
  filename?: string;
}

export type WhatsAppCloudApiOptions = GraphApiOptions;

/**
 * Who a message goes to: a number in `to`, a username user's BSUID (`CC.…`, never digits only) in
 * `recipient`
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids/).
 */
export const whatsappRecipient = (user: string) =>
  /^\+?\d+$/.test(user) ? { to: user } : { recipient: user };

export function createWhatsAppCloudApi(options: WhatsAppCloudApiOptions) {
  const common = graphConnection(options);
  /** `POST /{phone-number-id}/messages` of one message `{ type, [type]: content }`; returns the wamid. */
  const sendMessage = async (
    token: string,
    phoneNumberId: string,
    to: string,
    type: string,
    content: Record<string, unknown>,
  ) => {
    const result = await graphCall({
      ...common,
      operation: "WhatsApp send",
      token,
      method: "POST",
      path: `${encodeURIComponent(phoneNumberId)}/messages`,
      body: {
        messaging_product: "whatsapp",
        recipient_type: "individual",
        ...whatsappRecipient(to),
        type,
        [type]: content,
      },
      schema: sendResultSchema,
    });
    return { messageId: result.messages[0]?.id ?? "" };
  };
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
    sendText: (token: string, phoneNumberId: string, input: { to: string; body: string }) =>
      sendMessage(token, phoneNumberId, input.to, "text", { preview_url: false, body: input.body }),
    /**
     * Uploads a file for sending: `POST /{phone-number-id}/media` (multipart: messaging_product, file,
     * type) → `{ id }`, kept by Meta for 30 days
     * (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#upload-media).
     */
    async uploadMedia(
      token: string,
      phoneNumberId: string,
      file: { bytes: Uint8Array<ArrayBuffer>; name: string; mimeType: string },
    ) {
      const form = new FormData();
      form.set("messaging_product", "whatsapp");
      form.set("type", file.mimeType);
      form.set("file", new Blob([file.bytes], { type: file.mimeType }), file.name);
      const result = await graphCall({
        ...common,
        timeoutMs: uploadTimeoutMs(file.bytes.byteLength, common.timeoutMs),
        operation: "WhatsApp media upload",
        token,
        method: "POST",
        path: `${encodeURIComponent(phoneNumberId)}/media`,
        form,
        schema: uploadResultSchema,
      });
      return { mediaId: result.id };
    },
    /**
     * Sends uploaded media: `{ type: "image", image: { id, caption } }` and the like
     * (https://developers.facebook.com/docs/whatsapp/cloud-api/messages/image-messages).
     */
    async sendMedia(token: string, phoneNumberId: string, input: WhatsAppMediaInput) {
      const media = {
        id: input.mediaId,
        ...(input.caption && input.type !== "audio" ? { caption: input.caption } : {}),
        ...(input.type === "document" && input.filename ? { filename: input.filename } : {}),
      };
      return sendMessage(token, phoneNumberId, input.to, input.type, media);
    },
  };
}

export type WhatsAppCloudApi = ReturnType<typeof createWhatsAppCloudApi>;
