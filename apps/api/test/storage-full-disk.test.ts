import { afterAll, describe, expect, it, onTestFailed } from "vitest";
import { signBody } from "../src/channels/webhooks/meta-signature";
import { startFakeGraph, type FakeGraph } from "./fakes/fake-graph";
import { startFakeTelegram, type FakeTelegram } from "./fakes/fake-telegram";
import { callTrpc, startApiProcess, type ApiProcess } from "./helpers/api-process";
import { mountSmallDisk, type SmallDisk } from "./helpers/small-disk";
import { post, whatsappBody, whatsappTextItem } from "./helpers/webhook-kit";

const ADMIN_TOKEN = "full-disk-admin-token-0123456789";
const WA_SECRET = "full-disk-whatsapp-app-secret";
const WA_PHONE_ID = "106540352242922";
const TG_CHAT = 5_000_000_777;

let disk: SmallDisk | undefined;
let telegram: FakeTelegram | undefined;
let graph: FakeGraph | undefined;
let api: ApiProcess | undefined;

afterAll(async () => {
  await api?.stop();
  await telegram?.close();
  await graph?.close();
  await disk?.close();
});

interface Channels {
  url: string;
  chat: { conversationId: string; token: string };
  telegramPath: string;
  telegramSecret: string;
}

let updateId = 420_000_000;

const telegramUpdate = (text: string) =>
  JSON.stringify({
    update_id: ++updateId,
    message: {
      message_id: updateId,
      from: { id: TG_CHAT, is_bot: false, first_name: "Disk" },
      chat: { id: TG_CHAT, first_name: "Disk", type: "private" },
      date: Math.floor(Date.now() / 1000),
      text,
    },
  });

const whatsappMessage = (text: string) =>
  whatsappBody(
    WA_PHONE_ID,
    "16505550777",
    [whatsappTextItem(`wamid.${text}`, text, "16505550777", String(Math.floor(Date.now() / 1000)))],
    "Disk",
  );

/** One web-chat message, one Telegram update and one WhatsApp message; the acknowledged ones recorded. */
async function sendRound(ch: Channels, label: string, acknowledged: Set<string>) {
  const chatText = `chat ${label}`;
  const chat = await callTrpc(ch.url, "chat.send", { ...ch.chat, content: chatText });
  const tg = await post(`${ch.url}${ch.telegramPath}`, telegramUpdate(`telegram ${label}`), {
    "x-telegram-bot-api-secret-token": ch.telegramSecret,
  });
  const waBody = whatsappMessage(`whatsapp-${label}`);
  const wa = await post(`${ch.url}/api/v1/whatsapp/webhook`, waBody, {
    "x-hub-signature-256": signBody(waBody, WA_SECRET),
  });
  if (chat.status === 200) acknowledged.add(chatText);
  if (tg.status === 200) acknowledged.add(`telegram ${label}`);
  if (wa.status === 200) acknowledged.add(`whatsapp-${label}`);
  return { chat, telegram: tg, whatsapp: wa };
}

/** Every customer message the product holds: the web chat's history and each channel conversation's. */
async function storedCustomerTexts(ch: Channels): Promise<Set<string>> {
  const texts = new Set<string>();
  const history = await callTrpc(
    ch.url,
    "chat.history",
    { ...ch.chat, limit: 200 },
    { kind: "query" },
  );
  for (const m of (history.data as { items: { role: string; content: string }[] }).items)
    if (m.role === "user") texts.add(m.content);
  const list = await callTrpc(
    ch.url,
    "conversations.list",
    {},
    {
      kind: "query",
      token: ADMIN_TOKEN,
    },
  );
  for (const c of (list.data as { items: { conversationId: string; channel: string }[] }).items) {
    if (c.channel === "web_chat") continue;
    const page = await callTrpc(
      ch.url,
      "conversations.messages",
      { conversationId: c.conversationId, limit: 200 },
      { kind: "query", token: ADMIN_TOKEN },
    );
    for (const m of (page.data as { items: { role: string; content: string }[] }).items)
      if (m.role === "user") texts.add(m.content);
  }
  return texts;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function healthStatus(url: string) {
  const res = await fetch(`${url}/health`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("a full disk under the embedded database", () => {
  it("answers 503 (web chat and webhooks, so platforms re-deliver), stays up, recovers when space returns and keeps everything it acknowledged", async () => {
    onTestFailed(() => console.error(`API output:\n${api?.output().slice(-4000) ?? ""}`));
    disk = await mountSmallDisk(16);
    telegram = await startFakeTelegram();
    graph = await startFakeGraph();
    const bot = telegram.addBot();
    const env = {
      DATA_DIR: disk.dir,
      ADMIN_TOKEN,
      APP_URL: "https://crm.example.test",
      TELEGRAM_API_BASE_URL: telegram.url,
      WHATSAPP_GRAPH_BASE_URL: graph.url,
      RATE_LIMIT_PER_MINUTE: "100000",
    };
    api = await startApiProcess({ env, command: disk.command });

    const admin = { token: ADMIN_TOKEN };
    const tg = await callTrpc(
      api.url,
      "bindings.create",
      { agentId: "demo_clinic", channelType: "telegram", accessToken: bot.token },
      admin,
    );
    expect(tg.error).toBeNull();
    const bindingId = (tg.data as { bindingId: string }).bindingId;
    expect((await callTrpc(api.url, "bindings.verify", { bindingId }, admin)).error).toBeNull();
    const wa = await callTrpc(
      api.url,
      "bindings.create",
      {
        agentId: "demo_clinic",
        channelType: "whatsapp",
        channelAccountId: WA_PHONE_ID,
        accessToken: "whatsapp-access-token",
        appSecret: WA_SECRET,
      },
      admin,
    );
    expect(wa.error).toBeNull();
    const started = await callTrpc(api.url, "chat.start", { agentId: "demo_clinic" });
    expect(started.error).toBeNull();
    const ch: Channels = {
      url: api.url,
      chat: started.data as Channels["chat"],
      telegramPath: `/api/v1/telegram/webhook/${bindingId}`,
      telegramSecret: bot.webhook?.secretToken ?? "",
    };
    const acknowledged = new Set<string>();

    const before = await sendRound(ch, "before", acknowledged);
    expect([before.chat.status, before.telegram.status, before.whatsapp.status]).toEqual([
      200, 200, 200,
    ]);

    await disk.fill();
    const duringFault = [];
    for (let i = 1; i <= 5; i++) duringFault.push(await sendRound(ch, `full ${i}`, acknowledged));
    for (const round of duringFault) {
      for (const status of [round.chat.status, round.telegram.status, round.whatsapp.status])
        expect([200, 503]).toContain(status);
    }
    const last = duringFault.at(-1);
    expect([last?.chat.status, last?.telegram.status, last?.whatsapp.status]).toEqual([
      503, 503, 503,
    ]);
    expect(last?.chat.error?.code).toBe("SERVICE_UNAVAILABLE");
    expect(last?.chat.error?.message).toMatch(/storage/i);
    expect(api.alive()).toBe(true);
    expect(await healthStatus(api.url)).toMatchObject({
      status: 503,
      body: { status: "unhealthy", reason: "storage unavailable" },
    });
    // Reads go on while writes are paused: the widget and the console still show what is stored.
    const readable = await callTrpc(ch.url, "chat.history", ch.chat, { kind: "query" });
    expect(readable.status).toBe(200);

    await disk.free();
    await waitFor("/health to recover", async () =>
      (await healthStatus(ch.url)).status === 200 ? true : null,
    );
    const after = await sendRound(ch, "after", acknowledged);
    expect([after.chat.status, after.telegram.status, after.whatsapp.status]).toEqual([
      200, 200, 200,
    ]);
    expect(api.alive()).toBe(true);

    let missing: string[] = [];
    const allStored = async () => {
      const stored = await storedCustomerTexts(ch);
      missing = [...acknowledged].filter((text) => !stored.has(text));
      return missing.length === 0 ? stored : null;
    };
    onTestFailed(() => console.error(`acknowledged but not stored: ${JSON.stringify(missing)}`));
    await waitFor("every acknowledged message to be stored", allStored);

    // And after a restart on the same files: nothing acknowledged was only in memory.
    expect(await api.stop()).toBe(0);
    api = await startApiProcess({ env, command: disk.command });
    ch.url = api.url;
    const stored = await waitFor("the restarted API to hold every message", allStored);
    expect([...acknowledged].filter((text) => !stored.has(text))).toEqual([]);
  }, 180_000);
});
