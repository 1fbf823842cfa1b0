import { z } from "zod";
import { uploadTimeoutMs } from "./upload-timeout";

// https://core.telegram.org/bots/api — every method is `POST <base>/bot<token>/<method>` with a JSON body (or
// multipart/form-data when it uploads a file: https://core.telegram.org/bots/api#sending-files) and answers `{ ok: true, result }` or `{ ok: false, error_code, description, parameters? }`.

export const telegramUserSchema = z.looseObject({
  id: z.number(),
  is_bot: z.boolean(),
  first_name: z.string(),
  username: z.string().optional(),
});
export type TelegramUser = z.infer<typeof telegramUserSchema>;

/** getChat's ChatFullInfo (https://core.telegram.org/bots/api#chatfullinfo): a private chat names the user. */
export const telegramChatSchema = z.looseObject({
  id: z.number(),
  type: z.string(),
  title: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});
export type TelegramChat = z.infer<typeof telegramChatSchema>;

export const telegramMessageSchema = z.looseObject({
  message_id: z.number(),
  date: z.number(),
  chat: z.looseObject({ id: z.number(), type: z.string() }),
  text: z.string().optional(),
});
export type TelegramMessage = z.infer<typeof telegramMessageSchema>;

export const telegramWebhookInfoSchema = z.looseObject({
  url: z.string(),
  has_custom_certificate: z.boolean(),
  pending_update_count: z.number(),
  last_error_date: z.number().optional(),
  last_error_message: z.string().optional(),
  max_connections: z.number().optional(),
  allowed_updates: z.array(z.string()).optional(),
});
export type TelegramWebhookInfo = z.infer<typeof telegramWebhookInfoSchema>;

/** `getFile` → File: `file_path` is absent when Telegram cannot hand the file out. */
export const telegramFileSchema = z.looseObject({
  file_id: z.string(),
  file_unique_id: z.string().optional(),
  file_size: z.number().optional(),
  file_path: z.string().optional(),
});
export type TelegramFile = z.infer<typeof telegramFileSchema>;

const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error_code: z.number(),
    description: z.string(),
    parameters: z.object({ retry_after: z.number().optional() }).optional(),
  }),
]);

/**
 * A failed Bot API call. `errorCode` is Telegram's (401 bad token, 400 bad request, 403 blocked, 429 flood
 * wait), or null when Telegram could not be reached. The message never contains the token.
 */
export class TelegramApiError extends Error {
  override readonly name = "TelegramApiError";

  constructor(
    readonly method: string,
    readonly errorCode: number | null,
    readonly description: string,
    readonly retryAfterSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(`Telegram ${method} failed: ${description}`, options);
  }

  /** Telegram answers 401 for a revoked/unknown token and 404 for a malformed one. */
  get isInvalidToken(): boolean {
    return this.errorCode === 401 || this.errorCode === 404;
  }
}

export interface SendMessageInput {
  chat_id: number | string;
  text: string;
  parse_mode?: "HTML" | "MarkdownV2";
  link_preview_options?: { is_disabled?: boolean };
  reply_markup?: unknown;
}

export interface SetWebhookInput {
  url: string;
  /** Echoed by Telegram in X-Telegram-Bot-Api-Secret-Token on every update. */
  secret_token?: string;
  allowed_updates?: string[];
  drop_pending_updates?: boolean;
  max_connections?: number;
}

/** The Bot API method that uploads a file of one kind, and the form field it goes in. */
export const TELEGRAM_MEDIA_FIELDS = {
  sendPhoto: "photo",
  sendDocument: "document",
  sendVideo: "video",
  sendAudio: "audio",
  sendVoice: "voice",
} as const;
export type TelegramMediaMethod = keyof typeof TELEGRAM_MEDIA_FIELDS;

export interface SendMediaInput {
  method: TelegramMediaMethod;
  chat_id: number | string;
  file: { bytes: Uint8Array<ArrayBuffer>; name: string; mimeType: string };
  /** 0–1024 characters (https://core.telegram.org/bots/api#sendphoto). */
  caption?: string;
}

function mediaForm(input: SendMediaInput): FormData {
  const form = new FormData();
  form.set("chat_id", String(input.chat_id));
  if (input.caption) form.set("caption", input.caption);
  const blob = new Blob([input.file.bytes], { type: input.file.mimeType });
  form.set(TELEGRAM_MEDIA_FIELDS[input.method], blob, input.file.name);
  return form;
}

export interface TelegramBotApiOptions {
  baseUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function createTelegramBotApi(options: TelegramBotApiOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? fetch;

  async function call<T>(
    token: string,
    method: string,
    body: object | FormData,
    schema: z.ZodType<T>,
    options: { timeoutMs?: number } = {},
  ): Promise<T> {
    const callTimeoutMs = options.timeoutMs ?? timeoutMs;
    let response: Response;
    try {
      // A FormData body sets its own multipart content type (with the boundary).
      const form = body instanceof FormData;
      response = await doFetch(`${baseUrl}/bot${token}/${method}`, {
        method: "POST",
        ...(form ? {} : { headers: { "content-type": "application/json" } }),
        body: form ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(callTimeoutMs),
      });
    } catch (error) {
      const reason =
        error instanceof Error && error.name === "TimeoutError"
          ? `no answer within ${callTimeoutMs} ms`
          : "Telegram is unreachable";
      throw new TelegramApiError(method, null, reason, undefined, { cause: error });
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      throw new TelegramApiError(
        method,
        response.status,
        `unreadable answer (HTTP ${response.status})`,
        undefined,
        { cause: error },
      );
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) {
      throw new TelegramApiError(
        method,
        response.status,
        `unexpected answer (HTTP ${response.status})`,
      );
    }
    if (!envelope.data.ok) {
      const { error_code, description, parameters } = envelope.data;
      throw new TelegramApiError(method, error_code, description, parameters?.retry_after);
    }
    const result = schema.safeParse(envelope.data.result);
    if (!result.success) {
      throw new TelegramApiError(method, response.status, "unexpected result shape");
    }
    return result.data;
  }

  return {
    getMe: (token: string) => call(token, "getMe", {}, telegramUserSchema),
    sendMessage: (token: string, input: SendMessageInput) =>
      call(token, "sendMessage", input, telegramMessageSchema),
    setWebhook: (token: string, input: SetWebhookInput) =>
      call(token, "setWebhook", input, z.literal(true)),
    getWebhookInfo: (token: string) => call(token, "getWebhookInfo", {}, telegramWebhookInfoSchema),
    /** The chat as it is now (a customer's private chat: their name and username). */
    getChat: (token: string, chatId: string) =>
      call(token, "getChat", { chat_id: chatId }, telegramChatSchema),
    /** Uploads a file and sends it (sendPhoto / sendDocument / sendVideo / sendAudio / sendVoice). */
    sendMedia: (token: string, input: SendMediaInput) =>
      call(token, input.method, mediaForm(input), telegramMessageSchema, {
        timeoutMs: uploadTimeoutMs(input.file.bytes.byteLength, timeoutMs),
      }),
    /** Prepares a file for download (bots may download up to 20 MB): https://core.telegram.org/bots/api#getfile */
    getFile: (token: string, fileId: string) =>
      call(token, "getFile", { file_id: fileId }, telegramFileSchema),
    /** Where a prepared file is downloaded: `<base>/file/bot<token>/<file_path>` (valid for at least an hour). */
    fileUrl: (token: string, filePath: string) => `${baseUrl}/file/bot${token}/${filePath}`,
  };
}

export type TelegramBotApi = ReturnType<typeof createTelegramBotApi>;

/** The bot's numeric id is the part of its token before the colon. */
export function botIdFromToken(token: string): string | null {
  const match = /^(\d+):[\w-]+$/.exec(token.trim());
  return match?.[1] ?? null;
}
