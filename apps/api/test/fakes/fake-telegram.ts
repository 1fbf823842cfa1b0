import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { MEDIA_FIELDS, receiveMedia, type FakeTelegramMedia } from "./fake-telegram-media";
import { isMultipart, parseMultipart, type FormPart } from "./multipart-body";

// A local Telegram Bot API speaking the real wire format: `POST /bot<token>/<method>` with a JSON body →
// `{ ok: true, result }` or `{ ok: false, error_code, description, parameters? }`. Files customers sent are
// handed out as the real one does (https://core.telegram.org/bots/api#getfile): `getFile` → File
// { file_id, file_unique_id, file_size, file_path }, then `GET /file/bot<token>/<file_path>` serves the bytes;
// above 20 MB getFile answers 400 "Bad Request: file is too big".

export interface FakeBot {
  id: number;
  username: string;
  token: string;
  webhook: { url: string; secretToken?: string; allowedUpdates?: string[] } | null;
}

export interface FakeTelegramCall {
  method: string;
  token: string;
  body: Record<string, unknown>;
}

export interface FakeTelegramFailure {
  error_code: number;
  description: string;
  retry_after?: number;
}

export interface FakeTelegram {
  url: string;
  calls: FakeTelegramCall[];
  /** Registers a bot; its token is `<id>:<secret>` like a real one. */
  addBot(input?: { id?: number; username?: string }): FakeBot;
  bot(token: string): FakeBot | undefined;
  /** Messages the bots sent, in order, with when each arrived (ms since epoch). */
  sent(chatId?: number | string): { token: string; chatId: string; text: string; at: number }[];
  /** Files the bots uploaded (sendPhoto, sendDocument, …), with the bytes as received. */
  media(chatId?: number | string): FakeTelegramMedia[];
  /** The next call of `method` fails with this Telegram error. */
  failNext(method: string, failure: FakeTelegramFailure): void;
  /** sendMessage to this chat answers 400 "chat not found". */
  forgetChat(chatId: number | string): void;
  /** A customer's private chat as getChat answers it (ChatFullInfo); unknown chats: 400 "chat not found". */
  setChat(
    chatId: number,
    user: { first_name: string; last_name?: string; username?: string },
  ): void;
  /** A file a customer sent through `bot`; returns its file_id (to put in an update). */
  addFile(bot: FakeBot, bytes: Buffer, options?: { path?: string; size?: number }): string;
  /** The next `times` downloads (GET /file/…) answer this HTTP status. */
  failDownloads(status: number, times?: number): void;
  /** Downloads served, by file_path. */
  downloads: string[];
  close(): Promise<void>;
}

let nextBotId = 7_000_000_001;

export async function startFakeTelegram(): Promise<FakeTelegram> {
  const bots = new Map<string, FakeBot>();
  const calls: FakeTelegramCall[] = [];
  const sent: { token: string; chatId: string; text: string; at: number }[] = [];
  const failures = new Map<string, FakeTelegramFailure[]>();
  const unknownChats = new Set<string>();
  const chats = new Map<string, Record<string, unknown>>();
  const media: FakeTelegramMedia[] = [];
  let messageId = 1;
  const files = new Map<string, { token: string; bytes: Buffer; path: string; size: number }>();
  const downloads: string[] = [];
  const downloadFailures: number[] = [];
  let fileCount = 0;

  const serveFile = (res: ServerResponse, token: string, path: string) => {
    const file = [...files.values()].find((f) => f.token === token && f.path === path);
    const failure = downloadFailures.shift();
    if (failure !== undefined)
      return fail(res, { error_code: failure, description: "Bad Gateway" });
    if (!file) return fail(res, { error_code: 404, description: "Not Found" });
    downloads.push(path);
    res.writeHead(200, {
      "content-type": "application/octet-stream",
      "content-length": file.bytes.length,
    });
    res.end(file.bytes);
  };

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    const payload = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(payload),
    });
    res.end(payload);
  };
  const fail = (res: ServerResponse, failure: FakeTelegramFailure) =>
    reply(res, failure.error_code, {
      ok: false,
      error_code: failure.error_code,
      description: failure.description,
      ...(failure.retry_after === undefined
        ? {}
        : { parameters: { retry_after: failure.retry_after } }),
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url?.split("?")[0] ?? "");
    if (download && req.method === "GET")
      return serveFile(res, download[1] ?? "", download[2] ?? "");
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url?.split("?")[0] ?? "");
    if (!match || req.method !== "POST") {
      return fail(res, { error_code: 404, description: "Not Found" });
    }
    const [, token = "", method = ""] = match;
    const raw = Buffer.concat(chunks);
    let body: Record<string, unknown> = {};
    let form: Map<string, FormPart> | null = null;
    if (isMultipart(req)) {
      form = await parseMultipart(req, raw);
      if (!form) return fail(res, { error_code: 400, description: "Bad Request: bad multipart" });
      for (const [key, value] of form) if (typeof value === "string") body[key] = value;
    } else {
      try {
        const text = raw.toString("utf8");
        body = text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
      } catch {
        return fail(res, { error_code: 400, description: "Bad Request: can't parse JSON" });
      }
    }
    calls.push({ method, token, body });
    if (!/^\d+:[\w-]+$/.test(token))
      return fail(res, { error_code: 404, description: "Not Found" });
    const bot = bots.get(token);
    if (!bot) return fail(res, { error_code: 401, description: "Unauthorized" });
    const queued = failures.get(method)?.shift();
    if (queued) return fail(res, queued);

    if (method in MEDIA_FIELDS) {
      const outcome = receiveMedia(
        token,
        method,
        form ?? new Map<string, FormPart>(),
        `AgAC${messageId}${token.length}`,
      );
      if (!outcome.ok) return fail(res, { error_code: 400, description: outcome.description });
      if (unknownChats.has(outcome.media.chatId)) {
        return fail(res, { error_code: 400, description: "Bad Request: chat not found" });
      }
      media.push(outcome.media);
      return reply(res, 200, {
        ok: true,
        result: {
          message_id: messageId++,
          chat: { id: Number(outcome.media.chatId), type: "private" },
          date: Math.floor(Date.now() / 1000),
          ...outcome.result,
        },
      });
    }
    switch (method) {
      case "getMe":
        return reply(res, 200, {
          ok: true,
          result: {
            id: bot.id,
            is_bot: true,
            first_name: bot.username,
            username: bot.username,
            can_join_groups: true,
            can_read_all_group_messages: false,
            supports_inline_queries: false,
          },
        });
      case "sendMessage": {
        const chatId =
          typeof body.chat_id === "number" || typeof body.chat_id === "string"
            ? String(body.chat_id)
            : "";
        if (chatId === "" || typeof body.text !== "string" || body.text === "") {
          return fail(res, { error_code: 400, description: "Bad Request: message text is empty" });
        }
        if (body.text.length > 4096) {
          return fail(res, { error_code: 400, description: "Bad Request: message is too long" });
        }
        if (unknownChats.has(chatId)) {
          return fail(res, { error_code: 400, description: "Bad Request: chat not found" });
        }
        sent.push({ token, chatId, text: body.text, at: Date.now() });
        return reply(res, 200, {
          ok: true,
          result: {
            message_id: messageId++,
            from: { id: bot.id, is_bot: true, first_name: bot.username, username: bot.username },
            chat: { id: Number(chatId), type: Number(chatId) < 0 ? "group" : "private" },
            date: Math.floor(Date.now() / 1000),
            text: body.text,
          },
        });
      }
      case "setWebhook": {
        const url = typeof body.url === "string" ? body.url : "";
        if (url !== "" && !/^https?:\/\//.test(url)) {
          return fail(res, {
            error_code: 400,
            description: "Bad Request: bad webhook: invalid URL",
          });
        }
        bot.webhook =
          url === ""
            ? null
            : {
                url,
                secretToken: typeof body.secret_token === "string" ? body.secret_token : undefined,
                allowedUpdates: Array.isArray(body.allowed_updates)
                  ? (body.allowed_updates as string[])
                  : undefined,
              };
        return reply(res, 200, {
          ok: true,
          result: true,
          description: url === "" ? "Webhook was deleted" : "Webhook was set",
        });
      }
      case "getWebhookInfo":
        return reply(res, 200, {
          ok: true,
          result: {
            url: bot.webhook?.url ?? "",
            has_custom_certificate: false,
            pending_update_count: 0,
            ...(bot.webhook?.allowedUpdates ? { allowed_updates: bot.webhook.allowedUpdates } : {}),
          },
        });
      // https://core.telegram.org/bots/api#getchat → ChatFullInfo (id, type, first_name, last_name,
      // username, accent_color_id, max_reaction_count, …) for a private chat.
      case "getChat": {
        const chat = chats.get(String(body.chat_id));
        if (!chat)
          return fail(res, { error_code: 400, description: "Bad Request: chat not found" });
        return reply(res, 200, { ok: true, result: chat });
      }
      case "getFile": {
        const file = typeof body.file_id === "string" ? files.get(body.file_id) : undefined;
        if (!file || file.token !== token) {
          return fail(res, { error_code: 400, description: "Bad Request: invalid file_id" });
        }
        if (file.size > 20 * 1024 * 1024) {
          return fail(res, { error_code: 400, description: "Bad Request: file is too big" });
        }
        return reply(res, 200, {
          ok: true,
          result: {
            file_id: body.file_id,
            file_unique_id: `AgAD${String(body.file_id).slice(-8)}`,
            file_size: file.size,
            file_path: file.path,
          },
        });
      }
      default:
        return fail(res, { error_code: 404, description: "Not Found" });
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() =>
      fail(res, { error_code: 500, description: "Internal Server Error" }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    addBot(input = {}) {
      const id = input.id ?? nextBotId++;
      const bot: FakeBot = {
        id,
        username: input.username ?? `fake_${id}_bot`,
        token: `${id}:AAH${Math.random().toString(36).slice(2, 12)}_secret-${id}`,
        webhook: null,
      };
      bots.set(bot.token, bot);
      return bot;
    },
    bot: (token) => bots.get(token),
    sent: (chatId) =>
      chatId === undefined ? [...sent] : sent.filter((m) => m.chatId === String(chatId)),
    media: (chatId) =>
      chatId === undefined ? [...media] : media.filter((m) => m.chatId === String(chatId)),
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    forgetChat(chatId) {
      unknownChats.add(String(chatId));
    },
    setChat(chatId, user) {
      chats.set(String(chatId), {
        id: chatId,
        type: "private",
        ...user,
        accent_color_id: 0,
        max_reaction_count: 11,
      });
    },
    addFile(bot, bytes, options = {}) {
      fileCount += 1;
      const fileId = `AgACAgIAAxkBAAI${fileCount.toString(36).padStart(6, "0")}${bot.id}`;
      const path = options.path ?? `documents/file_${fileCount}.bin`;
      files.set(fileId, { token: bot.token, bytes, path, size: options.size ?? bytes.length });
      return fileId;
    },
    failDownloads(status, times = 1) {
      for (let i = 0; i < times; i++) downloadFailures.push(status);
    },
    downloads,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
