import { createHash } from "node:crypto";
import { z } from "zod";
import { graphCall, GraphApiError, graphConnection, type GraphApiOptions } from "./graph-api-call";
import {
  bareMimeType,
  boundedGet,
  MediaDownloadError,
  tooLarge,
  type DownloadedMedia,
} from "./media-download";
import { TelegramApiError, type TelegramBotApi } from "./telegram-bot-api";

// How each platform hands out a file a customer sent:
// - Telegram: `getFile` → File { file_path, file_size }, then `GET <base>/file/bot<token>/<file_path>`; bots
//   may download files up to 20 MB (https://core.telegram.org/bots/api#getfile).
// - Instagram: the webhook's `attachments[].payload.url`, a CDN link that expires — fetched as soon as the
//   event is processed (https://developers.facebook.com/docs/instagram-platform/webhooks/examples).
// - WhatsApp Cloud API: `GET /<media-id>?phone_number_id=…` → { url, mime_type, sha256, file_size }, then GET
//   that url with the same Bearer token; the url is valid for 5 minutes
//   (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#download-media).

/** What Telegram lets a bot download. */
export const TELEGRAM_DOWNLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

const whatsappMediaSchema = z.looseObject({
  url: z.string().url(),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  // Meta sends it as a string in its examples and as a number in practice.
  file_size: z.union([z.number(), z.string()]).optional(),
});

/** Where Instagram's attachment links point (Meta's CDNs). */
const META_CDN_SUFFIXES = [".fbcdn.net", ".fbsbx.com", ".cdninstagram.com"];

/**
 * Only Meta's CDNs (or the host of the configured Graph API, a local fake in tests) are fetched: a
 * forged or unsigned webhook must not make the server fetch an internal address.
 */
function isInstagramCdn(url: URL, graphBaseUrl: string | undefined): boolean {
  if (url.protocol !== "https:" && url.protocol !== "http:") return false;
  if (graphBaseUrl && new URL(graphBaseUrl).host === url.host) return true;
  return (
    url.protocol === "https:" && META_CDN_SUFFIXES.some((suffix) => url.hostname.endsWith(suffix))
  );
}

export interface CustomerMediaOptions {
  telegram: Pick<TelegramBotApi, "getFile" | "fileUrl">;
  whatsapp: GraphApiOptions;
  /** INSTAGRAM_GRAPH_BASE_URL: its host is trusted for attachment links too. */
  instagramGraphBaseUrl?: string;
  /** TWILIO_API_BASE_URL: Twilio's media links are fetched only from its host. */
  twilioApiBaseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const fromTelegram = (error: unknown): MediaDownloadError => {
  if (error instanceof TelegramApiError) {
    const code = error.errorCode;
    if (code === 400 && /too big/i.test(error.description)) {
      return tooLarge(TELEGRAM_DOWNLOAD_LIMIT_BYTES);
    }
    const retryable = code === null || code >= 500 || code === 429;
    return new MediaDownloadError(`Telegram getFile failed: ${error.description}`, retryable, {
      cause: error,
    });
  }
  return new MediaDownloadError("Telegram getFile failed", true, { cause: error });
};

const fromGraph = (error: unknown): MediaDownloadError =>
  error instanceof GraphApiError
    ? new MediaDownloadError(
        `WhatsApp media lookup failed: ${error.description}`,
        error.isRetryable,
        {
          cause: error,
        },
      )
    : new MediaDownloadError("WhatsApp media lookup failed", true, { cause: error });

export function createCustomerMedia(options: CustomerMediaOptions) {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const graph = graphConnection({ ...options.whatsapp, timeoutMs: options.timeoutMs });
  const get = (url: string, maxBytes: number, source: string, headers?: Record<string, string>) =>
    boundedGet(url, { maxBytes, timeoutMs, fetch: options.fetch, headers, source });

  return {
    async telegram(token: string, fileId: string, maxBytes: number): Promise<DownloadedMedia> {
      const cap = Math.min(maxBytes, TELEGRAM_DOWNLOAD_LIMIT_BYTES);
      const file = await options.telegram.getFile(token, fileId).catch((error: unknown) => {
        throw fromTelegram(error);
      });
      if (file.file_size !== undefined && file.file_size > cap) throw tooLarge(cap);
      if (!file.file_path) {
        throw new MediaDownloadError("Telegram did not make the file available", false);
      }
      const { bytes, contentType } = await get(
        options.telegram.fileUrl(token, file.file_path),
        cap,
        "Telegram",
      );
      return {
        bytes,
        mimeType: bareMimeType(contentType),
        fileName: file.file_path.split("/").pop(),
      };
    },

    /**
     * Twilio: the webhook's MediaUrl{N}, fetched with basic auth (account SID : auth token); Twilio answers
     * with a redirect to the file, whose host gets no credentials (fetch drops them across origins)
     * (https://www.twilio.com/docs/messaging/api/media-resource#fetch-a-media-resource).
     */
    async twilio(
      url: string,
      credentials: { accountSid: string; authToken: string },
      maxBytes: number,
    ): Promise<DownloadedMedia> {
      let link: URL;
      try {
        link = new URL(url);
      } catch {
        throw new MediaDownloadError("Twilio sent no usable link to the file", false);
      }
      const twilioHost = new URL(options.twilioApiBaseUrl ?? "https://api.twilio.com").host;
      if (link.host !== twilioHost) {
        throw new MediaDownloadError("The file's link is not on Twilio's servers", false);
      }
      const basic = Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString(
        "base64",
      );
      const { bytes, contentType } = await get(url, maxBytes, "Twilio", {
        authorization: `Basic ${basic}`,
      });
      return { bytes, mimeType: bareMimeType(contentType) };
    },

    async instagram(url: string, maxBytes: number): Promise<DownloadedMedia> {
      let link: URL;
      try {
        link = new URL(url);
      } catch {
        throw new MediaDownloadError("Instagram sent no usable link to the file", false);
      }
      if (!isInstagramCdn(link, options.instagramGraphBaseUrl)) {
        throw new MediaDownloadError("The file's link is not on Instagram's servers", false);
      }
      const { bytes, contentType } = await get(url, maxBytes, "Instagram");
      return { bytes, mimeType: bareMimeType(contentType) };
    },

    async whatsapp(
      token: string,
      phoneNumberId: string,
      mediaId: string,
      maxBytes: number,
    ): Promise<DownloadedMedia> {
      const media = await graphCall({
        ...graph,
        operation: "WhatsApp media",
        token,
        method: "GET",
        path: encodeURIComponent(mediaId),
        query: { phone_number_id: phoneNumberId },
        schema: whatsappMediaSchema,
      }).catch((error: unknown) => {
        throw fromGraph(error);
      });
      const size = Number(media.file_size);
      if (Number.isFinite(size) && size > maxBytes) throw tooLarge(maxBytes);
      const { bytes, contentType } = await get(media.url, maxBytes, "WhatsApp", {
        authorization: `Bearer ${token}`,
      });
      if (media.sha256) {
        const digest = createHash("sha256").update(bytes).digest();
        const expected = Buffer.from(
          media.sha256,
          /^[0-9a-f]{64}$/i.test(media.sha256) ? "hex" : "base64",
        );
        if (!digest.equals(expected)) {
          throw new MediaDownloadError("WhatsApp's file did not match its checksum", true);
        }
      }
      return { bytes, mimeType: bareMimeType(media.mime_type ?? contentType) };
    },
  };
}

export type CustomerMedia = ReturnType<typeof createCustomerMedia>;
