import type { FakeChatResponder, FakeOpenAI } from "@agents-crm/ai/testing";
import type { Platform } from "@agents-crm/config/channels";
import type { Message } from "@agents-crm/db";
import { readAll } from "@agents-crm/files";
import { expect } from "vitest";
import { signBody } from "../../src/channels/webhooks/meta-signature";
import {
  startChannelWorkers,
  type ChannelWorkers,
} from "../../src/channels/worker/channel-workers";
import type { ChannelWorkerOptions } from "../../src/channels/worker/worker-runtime";
import type { ApiDeps } from "../../src/deps";
import { ADMIN_STREAM, type RealtimeEvent } from "../../src/realtime/types";
import { startFakeGraph, type FakeGraph } from "../fakes/fake-graph";
import { startFakeTelegram, type FakeBot, type FakeTelegram } from "../fakes/fake-telegram";
import { callerAs, machine } from "./auth-fixtures";
import { modelAnswer, startFakeLlm } from "./chat-kit";
import { startTestApi, type TestApi } from "./test-api";
import {
  ensureAgent,
  metaJson,
  post,
  whatsappBody,
  whatsappTextItem,
  type WebhookResponse,
} from "./webhook-kit";

export { whatsappBody } from "./webhook-kit";

export const IG_SECRET = "instagram-app-secret-for-tests";
export const WA_SECRET = "whatsapp-app-secret-for-tests";

/** The fake model answers every turn with this, so tests can tell which message a reply answers. */
export const echo = (text: string) => `Echo: ${text}`;
/** The customer's words inside the turn's prompt (`<customer_message>…</customer_message>`). */
export const customerWords = (prompt: string) =>
  [...prompt.matchAll(/<customer_message>\s*([\s\S]*?)\s*<\/customer_message>/g)]
    .map((m) => m[1])
    .join("\n") || prompt.trim();
export const echoResponder: FakeChatResponder = (request) =>
  modelAnswer(echo(customerWords(request.lastUserMessage)));

export interface Channels {
  t: TestApi;
  deps: ApiDeps;
  graph: FakeGraph;
  telegram: FakeTelegram;
  llm: FakeOpenAI;
  workers: ChannelWorkers;
  admin: ReturnType<typeof callerAs>;
  /** Admin-stream events seen since start. */
  adminEvents: RealtimeEvent[];
  close(): Promise<void>;
}

/**
 * The real server with channel workers, fake Graph (Instagram + WhatsApp), Telegram and OpenAI servers
 * over HTTP. Workers poll fast and back off briefly so retries and dead letters happen in milliseconds.
 */
export async function startChannels(
  options: {
    workers?: ChannelWorkerOptions;
    env?: Record<string, string>;
    /** Voice notes are transcribed by the fake OpenAI server with this model (TRANSCRIPTION_MODEL). */
    transcriptionModel?: string;
  } = {},
): Promise<Channels> {
  const graph = await startFakeGraph();
  const telegram = await startFakeTelegram();
  const { fake, llm } = await startFakeLlm(
    { responder: echoResponder },
    { transcriptionModel: options.transcriptionModel },
  );
  const t = await startTestApi(
    {
      APP_URL: "https://crm.example.test",
      INSTAGRAM_APP_SECRET: IG_SECRET,
      WHATSAPP_APP_SECRET: WA_SECRET,
      INSTAGRAM_GRAPH_BASE_URL: graph.url,
      WHATSAPP_GRAPH_BASE_URL: graph.url,
      TELEGRAM_API_BASE_URL: telegram.url,
      ...options.env,
    },
    { llm },
  );
  const adminEvents: RealtimeEvent[] = [];
  const unsubscribe = t.deps.hub.subscribe(ADMIN_STREAM, (event) => adminEvents.push(event));
  const workers = startChannelWorkers(t.deps, {
    pollMs: 50,
    backoff: { baseMs: 50, maxMs: 200 },
    sendRetry: { baseDelayMs: 20 },
    recover: false,
    ...options.workers,
  });
  const channels: Channels = {
    t,
    deps: t.deps,
    graph,
    telegram,
    llm: fake,
    workers,
    admin: callerAs(t.deps, machine),
    adminEvents,
    close: async () => {
      // A test may have replaced the workers (a restart).
      await channels.workers.stop();
      unsubscribe();
      await t.close();
      await Promise.all([graph.close(), telegram.close(), fake.close()]);
    },
  };
  return channels;
}

/** A Meta account known to the fake Graph API with its token, bound to `agentId`. */
async function bindGraphAccount(
  c: Channels,
  channelType: "instagram" | "whatsapp",
  input: { accountId: string; agentId: string; agent?: Record<string, unknown> },
) {
  await ensureAgent(c.deps, input.agentId, { overrides: input.agent });
  const token = `${channelType === "instagram" ? "IGQWR" : "EAAG"}-token-${input.accountId}`;
  if (channelType === "instagram") c.graph.addInstagramAccount(input.accountId, token);
  else c.graph.addWhatsAppNumber(input.accountId, token);
  return c.deps.repos.channelBindings.create({
    agentId: input.agentId,
    channelType,
    channelAccountId: input.accountId,
    accessToken: token,
  });
}

export const bindInstagram = (
  c: Channels,
  input: { accountId: string; agentId: string; agent?: Record<string, unknown> },
) => bindGraphAccount(c, "instagram", input);

export const bindWhatsApp = (
  c: Channels,
  {
    phoneNumberId,
    ...input
  }: { phoneNumberId: string; agentId: string; agent?: Record<string, unknown> },
) => bindGraphAccount(c, "whatsapp", { accountId: phoneNumberId, ...input });

export interface TelegramBinding {
  bot: FakeBot;
  bindingId: string;
  secret: string;
}

/** A Telegram bot bound the admin way (create, verify → setWebhook with a secret token). */
export async function bindTelegram(
  c: Channels,
  input: { agentId: string; agent?: Record<string, unknown> },
): Promise<TelegramBinding> {
  await ensureAgent(c.deps, input.agentId, { overrides: input.agent });
  const bot = c.telegram.addBot();
  const binding = await c.admin.bindings.create({
    agentId: input.agentId,
    channelType: "telegram",
    accessToken: bot.token,
  });
  await c.admin.bindings.verify({ bindingId: binding.bindingId });
  return { bot, bindingId: binding.bindingId, secret: bot.webhook?.secretToken ?? "" };
}

/** An agent answering on an Instagram account, a WhatsApp number and a Telegram bot. */
export interface ClinicChannels {
  agentId: string;
  instagram: string;
  whatsapp: string;
  telegram: TelegramBinding;
}

/** `agentId` answers on the Instagram account, the WhatsApp number and a new Telegram bot. */
export async function bindEveryChannel(
  c: Channels,
  input: { agentId: string; instagram: string; whatsapp: string; agent?: Record<string, unknown> },
): Promise<ClinicChannels> {
  const { agentId, agent } = input;
  await bindInstagram(c, { accountId: input.instagram, agentId, agent });
  await bindWhatsApp(c, { phoneNumberId: input.whatsapp, agentId, agent });
  const telegram = await bindTelegram(c, { agentId, agent });
  return { agentId, instagram: input.instagram, whatsapp: input.whatsapp, telegram };
}

function postCustomerText(
  c: Channels,
  clinic: ClinicChannels,
  channel: Platform,
  message: { user: string; text: string; id?: string; at: number },
): Promise<WebhookResponse> {
  const { user, text, id, at } = message;
  switch (channel) {
    case "instagram":
      return postInstagram(
        c,
        instagramBody(clinic.instagram, [
          igItem(clinic.instagram, user, { message: { mid: id ?? `m_${user}`, text } }, at),
        ]),
      );
    case "whatsapp": {
      const timestamp = String(Math.floor(at / 1000));
      const item = whatsappTextItem(id ?? `wamid.${user}`, text, user, timestamp);
      return postWhatsApp(c, whatsappBody(clinic.whatsapp, user, [item]));
    }
    case "telegram":
      return postTelegram(
        c,
        clinic.telegram,
        telegramText(Number(id ?? user), Number(user), text, at),
      );
  }
}

/**
 * The customer `user` (an Instagram sender, a WhatsApp number, a Telegram chat id) writes `text` to the
 * clinic on `channel`, `ageMs` ago by the platform's clock (`id`: the platform's message or update id);
 * once the workers have settled, the conversation it landed in.
 */
export async function customerWrites(
  c: Channels,
  clinic: ClinicChannels,
  channel: Platform,
  user: string,
  text: string,
  options: { id?: string; ageMs?: number } = {},
) {
  const at = Date.now() - (options.ageMs ?? 0);
  expectAcknowledged(
    await postCustomerText(c, clinic, channel, { user, text, id: options.id, at }),
  );
  await c.workers.settled();
  return conversationWith(c, clinic.agentId, channel, user);
}

export function instagramBody(account: string, messaging: Record<string, unknown>[]): string {
  return metaJson({
    object: "instagram",
    entry: [{ id: account, time: Date.now(), messaging }],
  });
}

/** One Instagram messaging item from `sender` to `account`; `message`/`reaction`/… are merged in. */
export const igItem = (
  account: string,
  sender: string,
  fields: Record<string, unknown>,
  timestamp = Date.now(),
) => ({ sender: { id: sender }, recipient: { id: account }, timestamp, ...fields });

export function postInstagram(c: Channels, body: string): Promise<WebhookResponse> {
  return post(`${c.t.url}/api/v1/instagram/webhook`, body, {
    "x-hub-signature-256": signBody(body, IG_SECRET),
  });
}

export function postWhatsApp(c: Channels, body: string): Promise<WebhookResponse> {
  return post(`${c.t.url}/api/v1/whatsapp/webhook`, body, {
    "x-hub-signature-256": signBody(body, WA_SECRET),
  });
}

export function postTelegram(
  c: Channels,
  binding: { bindingId: string; secret: string },
  update: Record<string, unknown>,
): Promise<WebhookResponse> {
  return post(`${c.t.url}/api/v1/telegram/webhook/${binding.bindingId}`, JSON.stringify(update), {
    "x-telegram-bot-api-secret-token": binding.secret,
  });
}

export function telegramText(updateId: number, chatId: number, text: string, date = Date.now()) {
  return {
    update_id: updateId,
    message: {
      message_id: updateId + 1,
      from: { id: chatId, is_bot: false, first_name: "Anna", username: "anna_k" },
      chat: { id: chatId, type: "private", first_name: "Anna" },
      date: Math.floor(date / 1000),
      text,
    },
  };
}

let telegramUpdateId = 80_000;
/** A message update in Olga's private chat, each with the next update id; `fields` are its content. */
export function telegramMessage(chatId: number, fields: Record<string, unknown>) {
  telegramUpdateId += 1;
  return {
    update_id: telegramUpdateId,
    message: {
      message_id: telegramUpdateId,
      from: { id: chatId, is_bot: false, first_name: "Olga" },
      chat: { id: chatId, type: "private" },
      date: Math.floor(Date.now() / 1000),
      ...fields,
    },
  };
}

export function expectAcknowledged(res: WebhookResponse) {
  expect(res.status).toBe(200);
}

/** The conversation of (agent, channel, user), once the workers have created it. */
export async function conversationOf(
  deps: ApiDeps,
  agentId: string,
  channel: Platform,
  externalUserId: string,
) {
  const page = await deps.repos.conversations.list({ agentId, channel, limit: 100 });
  const matches = page.items.filter((c) => c.externalUserId === externalUserId);
  return matches;
}

/** The conversation of (agent, channel, user); throws when the workers have not created it. */
export async function conversationWith(
  c: Channels,
  agentId: string,
  channel: Platform,
  user: string,
) {
  const [conversation] = await conversationOf(c.deps, agentId, channel, user);
  if (!conversation) throw new Error(`no ${channel} conversation with ${user}`);
  return conversation;
}

/** That conversation and its messages as the console shows them (attachments, transcripts…). */
export async function consoleTranscript(
  c: Channels,
  agentId: string,
  channel: Platform,
  user: string,
) {
  const row = await conversationWith(c, agentId, channel, user);
  const page = await c.admin.conversations.messages({ conversationId: row.conversationId });
  return { row, items: page.items };
}

export async function messagesOf(deps: ApiDeps, conversationId: string): Promise<Message[]> {
  return (await deps.repos.messages.page(conversationId, { limit: 200 })).items;
}

/** The bytes the file service keeps for a file (what `GET /files/:id` serves). */
export async function storedBytes(c: Channels, fileId: string | undefined): Promise<Buffer> {
  const opened = await c.deps.files.openFile(fileId ?? "");
  if (!opened) throw new Error("no stored file");
  return readAll(opened.body);
}
