import type { FormPart } from "./multipart-body";

// Media in the fake Graph API, as Meta handles it:
// - WhatsApp: `POST /{phone-number-id}/media` multipart (messaging_product=whatsapp, file, type) → `{ id }`;
//   then `POST /{phone-number-id}/messages` `{ type: "image", image: { id, caption? } }` (document, audio,
//   video alike) sends it (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media).
// - Instagram: `message.attachment { type, payload: { url } }`; Instagram fetches the URL itself, so a link
//   it cannot fetch fails the send
//   (https://developers.facebook.com/docs/messenger-platform/instagram/features/upload-attachment).

const MB = 1024 * 1024;

export interface FakeMediaFile {
  bytes: Buffer;
  mimeType: string;
  name?: string;
}

export interface FakeGraphAttachment extends FakeMediaFile {
  type: string;
  /** Instagram: the link it fetched. */
  url?: string;
  /** WhatsApp: the uploaded media's id. */
  mediaId?: string;
  caption?: string;
  filename?: string;
}

export const WHATSAPP_MEDIA_TYPES = ["image", "document", "audio", "video"] as const;

const WHATSAPP_LIMITS: Record<string, number> = {
  image: 5 * MB,
  document: 100 * MB,
  audio: 16 * MB,
  video: 16 * MB,
};

export type UploadOutcome =
  { ok: true; id: string; file: FakeMediaFile } | { ok: false; message: string };

export function whatsappUpload(parts: Map<string, FormPart> | null): UploadOutcome {
  if (!parts) return { ok: false, message: "(#100) Invalid multipart body" };
  if (parts.get("messaging_product") !== "whatsapp") {
    return { ok: false, message: "(#100) The parameter messaging_product is required." };
  }
  const file = parts.get("file");
  const type = parts.get("type");
  if (!file || typeof file === "string")
    return { ok: false, message: "(#100) The parameter file is required." };
  if (typeof type !== "string" || type === "") {
    return { ok: false, message: "(#100) The parameter type is required." };
  }
  return {
    ok: true,
    id: String(1_000_000_000_000 + Math.floor(Math.random() * 1e12)),
    file: { bytes: file.bytes, mimeType: type, name: file.name },
  };
}

/** A WhatsApp media message's object checked against its upload; the attachment it sends. */
export function whatsappMediaMessage(
  body: Record<string, unknown>,
  uploads: Map<string, FakeMediaFile>,
): { ok: true; attachment: FakeGraphAttachment } | { ok: false; message: string } {
  const type = String(body.type);
  const media = body[type] as { id?: unknown; caption?: unknown; filename?: unknown } | undefined;
  if (typeof media?.id !== "string")
    return { ok: false, message: `(#100) The parameter ${type}['id'] is required.` };
  const file = uploads.get(media.id);
  if (!file)
    return { ok: false, message: `(#131053) Media upload error: unknown media id ${media.id}` };
  if (file.bytes.length > (WHATSAPP_LIMITS[type] ?? 0)) {
    return { ok: false, message: `(#131053) Media upload error: ${type} is too large` };
  }
  if (type === "audio" && media.caption !== undefined) {
    return { ok: false, message: "(#100) Param audio['caption'] is not allowed" };
  }
  if (typeof media.caption === "string" && media.caption.length > 1024) {
    return { ok: false, message: `(#100) Param ${type}['caption'] is too long` };
  }
  return {
    ok: true,
    attachment: {
      ...file,
      type,
      mediaId: media.id,
      ...(typeof media.caption === "string" ? { caption: media.caption } : {}),
      ...(typeof media.filename === "string" ? { filename: media.filename } : {}),
    },
  };
}

const INSTAGRAM_LIMITS: Record<string, number> = {
  image: 8 * MB,
  video: 25 * MB,
  audio: 25 * MB,
  file: 25 * MB,
};

/** Fetches an Instagram attachment's URL as Meta's servers would; a refusal reads like Meta's. */
export async function instagramFetch(
  attachment: unknown,
  hosts: Map<string, string> = new Map(),
): Promise<{ ok: true; attachment: FakeGraphAttachment } | { ok: false; message: string }> {
  const { type, payload } = (attachment ?? {}) as { type?: unknown; payload?: { url?: unknown } };
  if (typeof type !== "string" || !(type in INSTAGRAM_LIMITS)) {
    return {
      ok: false,
      message: "(#100) Param message[attachment][type] must be one of {image, video, audio, file}",
    };
  }
  if (typeof payload?.url !== "string") {
    return {
      ok: false,
      message: "(#100) Param message[attachment][payload][url] must be a valid URL",
    };
  }
  // Tests' public origin (APP_URL) is not a real host: the fake resolves it to the test server.
  const origin = /^https?:\/\/[^/]+/.exec(payload.url)?.[0] ?? "";
  const target = hosts.has(origin)
    ? `${hosts.get(origin)}${payload.url.slice(origin.length)}`
    : payload.url;
  let response: Response;
  try {
    response = await fetch(target, { redirect: "error", signal: AbortSignal.timeout(5000) });
  } catch {
    return { ok: false, message: "(#100) Failed to fetch the file from the url" };
  }
  if (!response.ok)
    return {
      ok: false,
      message: `(#100) Failed to fetch the file from the url (HTTP ${response.status})`,
    };
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > (INSTAGRAM_LIMITS[type] ?? 0)) {
    return { ok: false, message: "(#100) Attachment size exceeds allowable limit" };
  }
  return {
    ok: true,
    attachment: {
      type,
      url: payload.url,
      bytes,
      mimeType: (response.headers.get("content-type") ?? "").split(";")[0] ?? "",
    },
  };
}
