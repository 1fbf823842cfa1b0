import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  WHATSAPP_MEDIA_TYPES,
  instagramFetch,
  whatsappMediaMessage,
  whatsappUpload,
  type FakeGraphAttachment,
  type FakeMediaFile,
} from "./fake-graph-media";
import { isMultipart, parseMultipart, type FormPart } from "./multipart-body";

// A local Meta Graph API speaking the real wire format for what the channel workers call:
// - Instagram messaging: `POST /v21.0/{ig-account-id}/messages` `{ recipient: { id }, message: { text },
//   messaging_type?, tag? }` → `{ recipient_id, message_id }`;
//   profiles: `GET /v21.0/{IGSID}?fields=name,username,profile_pic` → `{ name, username, profile_pic, id }`.
// - WhatsApp Cloud API: `POST /v21.0/{phone-number-id}/messages` `{ messaging_product: "whatsapp", to,
//   type: "text", text: { body } }` → `{ messaging_product, contacts: [{ input, wa_id }], messages: [{ id }] }`.
// - Customer media: Instagram webhooks carry CDN links (`attachments[].payload.url`) that stop working when
//   they expire (https://developers.facebook.com/docs/instagram-platform/webhooks/examples); WhatsApp
//   webhooks carry a media id: `GET /v21.0/{media-id}?phone_number_id=…` → `{ messaging_product, url,
//   mime_type, sha256, file_size, id }`, and that url answers the bytes only with the Bearer token
//   (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#download-media).
// - Instagram token refresh (unversioned, the token in the query):
//   `GET /refresh_access_token?grant_type=ig_refresh_token&access_token=…` → `{ access_token,
//   token_type: "bearer", expires_in }`, 60 days
//   (https://developers.facebook.com/documentation/instagram-platform/reference/refresh_access_token).
//   The new token replaces the old one; a revoked token answers code 190 (subcode 460: password changed)
//   to every call (https://developers.facebook.com/docs/graph-api/guides/error-handling).
// Errors are Graph's `{ error: { message, type, code, error_subcode?, fbtrace_id } }`.

export type FakeGraphOperation =
  | "instagram.send"
  | "instagram.profile"
  | "instagram.account"
  | "whatsapp.send"
  | "whatsapp.upload"
  | "whatsapp.number"
  | "whatsapp.media"
  | "whatsapp.download"
  | "instagram.cdn"
  | "instagram.refresh_token";

export interface FakeGraphError {
  status: number;
  message?: string;
  code?: number;
  subcode?: number;
  /** Sent as a Retry-After header. */
  retryAfterSeconds?: number;
}

export interface FakeGraphSent {
  api: "instagram" | "whatsapp";
  accountId: string;
  to: string;
  text: string;
  messageId: string;
  messagingType?: string;
  tag?: string;
  /** WhatsApp: the field the recipient came in (`recipient` for a BSUID, `to` for a number). */
  recipientField?: "to" | "recipient";
  /** A media message: what it carried, with the bytes Meta received (uploaded or fetched). */
  attachment?: FakeGraphAttachment;
  /** When the request arrived (ms since epoch). */
  at: number;
}

export interface FakeGraph {
  /** Base URL with the API version, as INSTAGRAM_GRAPH_BASE_URL / WHATSAPP_GRAPH_BASE_URL. */
  url: string;
  /** Every request, in order of arrival. */
  requests: { operation: FakeGraphOperation | null; path: string; at: number }[];
  addInstagramAccount(accountId: string, token: string): void;
  addInstagramUser(user: {
    igsid: string;
    name?: string;
    username?: string;
    profilePic?: string;
  }): void;
  addWhatsAppNumber(phoneNumberId: string, token: string): void;
  /** The account's current token (it changes when the product refreshes it). */
  instagramToken(accountId: string): string | undefined;
  /** The account's user revoked the app (or changed their password): its token fails with 190. */
  revokeInstagramToken(accountId: string): void;
  /** A file on Instagram's CDN; returns the link a webhook carries (`expired`: it answers 403). */
  addInstagramCdnFile(bytes: Buffer, options: { mimeType: string; expired?: boolean }): string;
  /** A file a customer sent to `phoneNumberId`; returns its media id (to put in a webhook). */
  addWhatsAppMedia(phoneNumberId: string, bytes: Buffer, mimeType: string): string;
  sent(filter?: { to?: string; api?: "instagram" | "whatsapp" }): FakeGraphSent[];
  count(operation: FakeGraphOperation): number;
  /** The next `times` calls of `operation` fail this way. */
  failNext(operation: FakeGraphOperation, failure: FakeGraphError, times?: number): void;
  /** Instagram's fetches of `origin` (a test's APP_URL) go to `target` instead, like a DNS entry. */
  resolveOrigin(origin: string, target: string): void;
  /** Every answer waits this long first. */
  setLatency(ms: number): void;
  close(): Promise<void>;
}

const VERSION = "v21.0";

export async function startFakeGraph(): Promise<FakeGraph> {
  const instagramAccounts = new Map<string, string>();
  const whatsappNumbers = new Map<string, string>();
  const users = new Map<string, { name?: string; username?: string; profilePic?: string }>();
  const requests: FakeGraph["requests"] = [];
  const sent: FakeGraphSent[] = [];
  const uploads = new Map<string, FakeMediaFile>();
  const hosts = new Map<string, string>();
  const failures = new Map<FakeGraphOperation, FakeGraphError[]>();
  let latencyMs = 0;
  const cdnFiles = new Map<string, { bytes: Buffer; mimeType: string; expired: boolean }>();
  const mediaFiles = new Map<string, { phoneNumberId: string; bytes: Buffer; mimeType: string }>();
  let mediaCount = 0;
  let origin = "";
  const revokedTokens = new Set<string>();

  const reply = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
    const payload = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(payload);
  };
  const graphError = (res: ServerResponse, failure: FakeGraphError) =>
    reply(
      res,
      failure.status,
      {
        error: {
          message:
            failure.message ?? "An unexpected error has occurred. Please retry your request later.",
          type: failure.status === 400 ? "OAuthException" : "GraphMethodException",
          code: failure.code ?? (failure.status >= 500 ? 2 : 100),
          ...(failure.subcode === undefined ? {} : { error_subcode: failure.subcode }),
          fbtrace_id: randomBytes(8).toString("base64url"),
        },
      },
      failure.retryAfterSeconds === undefined
        ? {}
        : { "retry-after": String(failure.retryAfterSeconds) },
    );
  const invalidToken = (res: ServerResponse) =>
    graphError(res, {
      status: 400,
      code: 190,
      message: "Invalid OAuth access token - Cannot parse access token",
    });
  const badParam = (res: ServerResponse, message: string) =>
    graphError(res, { status: 400, code: 100, message: `(#100) ${message}` });

  const tokenOf = (req: IncomingMessage, url: URL) =>
    /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ??
    url.searchParams.get("access_token");

  async function instagramSend(
    res: ServerResponse,
    accountId: string,
    body: Record<string, unknown>,
  ) {
    const recipient = body.recipient as { id?: unknown } | undefined;
    const message = body.message as { text?: unknown; attachment?: unknown } | undefined;
    if (typeof recipient?.id !== "string")
      return badParam(res, "param recipient must be non-empty.");
    let attachment: FakeGraphAttachment | undefined;
    if (message?.attachment !== undefined) {
      const fetched = await instagramFetch(message.attachment, hosts);
      if (!fetched.ok) return graphError(res, { status: 400, code: 100, message: fetched.message });
      attachment = fetched.attachment;
    } else if (typeof message?.text !== "string" || message.text === "") {
      return badParam(res, "param message must be non-empty.");
    }
    const text = typeof message?.text === "string" ? message.text : "";
    if (Buffer.byteLength(text, "utf8") > 1000) {
      return badParam(res, "Length of param message[text] must be less than or equal to 1000");
    }
    if (body.messaging_type === "MESSAGE_TAG" && body.tag !== "HUMAN_AGENT") {
      return badParam(res, "Param tag must be one of {HUMAN_AGENT}");
    }
    const messageId = `aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlE${randomBytes(12).toString("base64url")}`;
    sent.push({
      api: "instagram",
      accountId,
      to: recipient.id,
      text,
      messageId,
      ...(attachment ? { attachment } : {}),
      messagingType: typeof body.messaging_type === "string" ? body.messaging_type : undefined,
      tag: typeof body.tag === "string" ? body.tag : undefined,
      at: Date.now(),
    });
    return reply(res, 200, { recipient_id: recipient.id, message_id: messageId });
  }

  function whatsappSend(res: ServerResponse, phoneNumberId: string, body: Record<string, unknown>) {
    const text = body.text as { body?: unknown } | undefined;
    if (body.messaging_product !== "whatsapp") {
      return badParam(res, "The parameter messaging_product is required.");
    }
    // `to` is a phone number; `recipient` a BSUID (username users); `to` wins when both are sent
    // (https://developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids/).
    const to = typeof body.to === "string" && body.to !== "" ? body.to : undefined;
    const bsuid =
      typeof body.recipient === "string" && body.recipient !== "" ? body.recipient : undefined;
    const target = to ?? bsuid;
    if (target === undefined) return badParam(res, "The parameter to is required.");
    if (to !== undefined && !/^\+?\d{5,20}$/.test(to)) {
      return badParam(res, "Invalid parameter to: not a phone number.");
    }
    if ((WHATSAPP_MEDIA_TYPES as readonly unknown[]).includes(body.type)) {
      const media = whatsappMediaMessage(body, uploads);
      if (!media.ok) return badParam(res, media.message.replace(/^\(#100\) /, ""));
      return whatsappAccepted(res, phoneNumberId, target, "", media.attachment, !to);
    }
    if (body.type !== "text" || typeof text?.body !== "string" || text.body === "") {
      return badParam(res, "The parameter text['body'] is required.");
    }
    if (text.body.length > 4096) return badParam(res, "Param text['body'] is too long.");
    return whatsappAccepted(res, phoneNumberId, target, text.body, undefined, !to);
  }

  function whatsappAccepted(
    res: ServerResponse,
    phoneNumberId: string,
    to: string,
    text: string,
    attachment?: FakeGraphAttachment,
    toBsuid = false,
  ) {
    const messageId = `wamid.HBgL${randomBytes(18).toString("base64")}`;
    sent.push({
      api: "whatsapp",
      accountId: phoneNumberId,
      to,
      text,
      messageId,
      recipientField: toBsuid ? "recipient" : "to",
      ...(attachment ? { attachment } : {}),
      at: Date.now(),
    });
    return reply(res, 200, {
      messaging_product: "whatsapp",
      // A BSUID send answers with user_id instead of wa_id.
      contacts: [toBsuid ? { input: to, user_id: to } : { input: to, wa_id: to }],
      messages: [{ id: messageId }],
    });
  }

  function whatsappMediaUpload(res: ServerResponse, form: Map<string, FormPart> | null) {
    const upload = whatsappUpload(form);
    if (!upload.ok) return badParam(res, upload.message.replace(/^\(#100\) /, ""));
    uploads.set(upload.id, upload.file);
    return reply(res, 200, { id: upload.id });
  }

  const operationOf = (method: string, id: string, action: string | undefined) => {
    if (method === "POST" && action === "messages") {
      if (instagramAccounts.has(id)) return "instagram.send";
      if (whatsappNumbers.has(id)) return "whatsapp.send";
    }
    if (method === "POST" && action === "media" && whatsappNumbers.has(id))
      return "whatsapp.upload";
    if (method === "GET" && action === undefined) {
      if (mediaFiles.has(id)) return "whatsapp.media";
      if (instagramAccounts.has(id)) return "instagram.account";
      if (whatsappNumbers.has(id)) return "whatsapp.number";
      return "instagram.profile";
    }
    return null;
  };

  const sendFile = (res: ServerResponse, file: { bytes: Buffer; mimeType: string }) => {
    res.writeHead(200, { "content-type": file.mimeType, "content-length": file.bytes.length });
    res.end(file.bytes);
  };

  /** Instagram's CDN and WhatsApp's media host: plain GETs outside the Graph API's paths. */
  const serveMedia = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const [host, id = ""] = url.pathname.split("/").filter(Boolean);
    const operation = host === "ig-cdn" ? "instagram.cdn" : "whatsapp.download";
    requests.push({ operation, path: url.pathname, at: Date.now() });
    const failure = failures.get(operation)?.shift();
    if (failure) return graphError(res, failure);
    if (host === "ig-cdn") {
      const file = cdnFiles.get(id);
      if (!file) return reply(res, 404, { error: "Not Found" });
      if (file.expired) return reply(res, 403, "URL signature expired");
      return sendFile(res, file);
    }
    const file = mediaFiles.get(id);
    if (!file) return reply(res, 404, { error: "Not Found" });
    if (tokenOf(req, url) !== whatsappNumbers.get(file.phoneNumberId)) return invalidToken(res);
    return sendFile(res, file);
  };

  function whatsappMedia(res: ServerResponse, id: string, url: URL) {
    const file = mediaFiles.get(id);
    if (!file) return badParam(res, "Invalid media id");
    const scoped = url.searchParams.get("phone_number_id");
    if (scoped !== null && scoped !== file.phoneNumberId) {
      return badParam(res, "Media does not belong to the phone number");
    }
    return reply(res, 200, {
      messaging_product: "whatsapp",
      url: `${origin}/whatsapp-media/${id}?mid=${id}&ext=${Date.now()}&hash=ATt${randomBytes(6).toString("hex")}`,
      mime_type: file.mimeType,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      file_size: String(file.bytes.length),
      id,
    });
  }

  const revoked = (res: ServerResponse) =>
    graphError(res, {
      status: 400,
      code: 190,
      subcode: 460,
      message:
        "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
    });

  function refreshInstagramToken(res: ServerResponse, url: URL) {
    requests.push({ operation: "instagram.refresh_token", path: url.pathname, at: Date.now() });
    const failure = failures.get("instagram.refresh_token")?.shift();
    if (failure) return graphError(res, failure);
    if (url.searchParams.get("grant_type") !== "ig_refresh_token") {
      return badParam(res, "Unsupported grant_type");
    }
    const token = url.searchParams.get("access_token") ?? "";
    if (revokedTokens.has(token)) return revoked(res);
    const account = [...instagramAccounts].find(([, t]) => t === token)?.[0];
    if (!account) return invalidToken(res);
    const refreshed = `IGAA${randomBytes(24).toString("base64url")}`;
    instagramAccounts.set(account, refreshed);
    return reply(res, 200, {
      access_token: refreshed,
      token_type: "bearer",
      expires_in: 60 * 24 * 3600,
    });
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://graph.local");
    if (/^\/(ig-cdn|whatsapp-media)\//.test(url.pathname)) return serveMedia(req, res, url);
    if (url.pathname === "/refresh_access_token") return refreshInstagramToken(res, url);
    const [version, id = "", action] = url.pathname.split("/").filter(Boolean);
    const operation = version === VERSION ? operationOf(req.method ?? "GET", id, action) : null;
    requests.push({ operation, path: url.pathname, at: Date.now() });
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (!operation) {
      return graphError(res, {
        status: 400,
        code: 100,
        message: `Unsupported ${req.method} request. Object with ID '${id}' does not exist`,
      });
    }
    const token = tokenOf(req, url);
    const failure = failures.get(operation)?.shift();
    if (failure) return graphError(res, failure);
    if (token && revokedTokens.has(token)) return revoked(res);
    let body: Record<string, unknown> = {};
    let form: Map<string, FormPart> | null = null;
    if (req.method === "POST" && isMultipart(req)) {
      form = await parseMultipart(req, Buffer.concat(chunks));
    } else if (req.method === "POST") {
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      } catch {
        return badParam(res, "Invalid JSON");
      }
    }
    switch (operation) {
      case "instagram.send":
        if (token !== instagramAccounts.get(id)) return invalidToken(res);
        return instagramSend(res, id, body);
      case "whatsapp.send":
        if (token !== whatsappNumbers.get(id)) return invalidToken(res);
        return whatsappSend(res, id, body);
      case "whatsapp.upload":
        if (token !== whatsappNumbers.get(id)) return invalidToken(res);
        return whatsappMediaUpload(res, form);
      case "whatsapp.media": {
        const owner = mediaFiles.get(id)?.phoneNumberId ?? "";
        if (token !== whatsappNumbers.get(owner)) return invalidToken(res);
        return whatsappMedia(res, id, url);
      }
      case "instagram.account":
        if (token !== instagramAccounts.get(id)) return invalidToken(res);
        return reply(res, 200, { id, username: `account_${id}` });
      case "whatsapp.number":
        if (token !== whatsappNumbers.get(id)) return invalidToken(res);
        return reply(res, 200, {
          id,
          display_phone_number: "+971 4 555 0100",
          verified_name: "Sunrise Family Clinic",
        });
      case "instagram.profile": {
        if (!token || ![...instagramAccounts.values()].includes(token)) return invalidToken(res);
        const user = users.get(id);
        if (!user) {
          return graphError(res, {
            status: 400,
            code: 230,
            message: "(#230) User consent is required to access user profile",
          });
        }
        const fields = (url.searchParams.get("fields") ?? "").split(",");
        return reply(res, 200, {
          ...(fields.includes("name") && user.name ? { name: user.name } : {}),
          ...(fields.includes("username") && user.username ? { username: user.username } : {}),
          ...(fields.includes("profile_pic") && user.profilePic
            ? { profile_pic: user.profilePic }
            : {}),
          id,
        });
      }
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => graphError(res, { status: 500 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `http://127.0.0.1:${port}/${VERSION}`,
    requests,
    addInstagramAccount: (accountId, token) => void instagramAccounts.set(accountId, token),
    addInstagramUser: ({ igsid, ...profile }) => void users.set(igsid, profile),
    addWhatsAppNumber: (phoneNumberId, token) => void whatsappNumbers.set(phoneNumberId, token),
    instagramToken: (accountId) => instagramAccounts.get(accountId),
    revokeInstagramToken(accountId) {
      const token = instagramAccounts.get(accountId);
      if (token) revokedTokens.add(token);
    },
    addInstagramCdnFile(bytes, options) {
      mediaCount += 1;
      const asset = `${mediaCount}${randomBytes(6).toString("hex")}`;
      cdnFiles.set(asset, { bytes, mimeType: options.mimeType, expired: options.expired ?? false });
      const expiry = Math.floor(Date.now() / 1000 + 3600).toString(16);
      return `${origin}/ig-cdn/${asset}?asset_id=${asset}&oe=${expiry}&_nc_sid=fake`;
    },
    addWhatsAppMedia(phoneNumberId, bytes, mimeType) {
      mediaCount += 1;
      const id = `1200000000${String(mediaCount).padStart(6, "0")}`;
      mediaFiles.set(id, { phoneNumberId, bytes, mimeType });
      return id;
    },
    sent: (filter = {}) =>
      sent.filter(
        (m) =>
          (filter.to === undefined || m.to === filter.to) &&
          (filter.api === undefined || m.api === filter.api),
      ),
    count: (operation) => requests.filter((r) => r.operation === operation).length,
    failNext(operation, failure, times = 1) {
      const queue = failures.get(operation) ?? [];
      for (let i = 0; i < times; i++) queue.push(failure);
      failures.set(operation, queue);
    },
    resolveOrigin: (origin, target) => void hosts.set(origin, target),
    setLatency(ms) {
      latencyMs = ms;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
