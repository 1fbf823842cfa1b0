// The soak bench's traffic, generated in the bench process against the API child: web chat visitors
// (start, a WebSocket subscription, turns, history), signed Telegram and Instagram webhooks through the
// durable inbox, and staff consoles (admin.onEvent sockets plus periodic list queries).
import { createTRPCClient, createWSClient, httpLink, wsLink } from "@trpc/client";
import superjson from "superjson";
import { WebSocket } from "ws";
import type { AppRouter } from "../src/router";
import { signBody } from "../src/channels/webhooks/meta-signature";
import { igItem, instagramBody, telegramText } from "../test/helpers/channels-kit";
import type { Counter, Counts } from "./_soak-report";

export interface LoadPlan {
  apiUrl: string;
  adminToken: string;
  agentId: string;
  /** Web chat visitors at once; each runs `turnsPerVisitor` turns, reads its history, and leaves. */
  visitors: number;
  turnsPerVisitor: number;
  thinkMs: number;
  /** Webhooks per second, Telegram and Instagram alternating, from a fixed pool of senders. */
  webhooksPerSecond: number;
  senders: number;
  telegram: { bindingId: string; secret: string };
  instagram: { account: string; appSecret: string };
  /** Console sockets on admin.onEvent; each also lists conversations every `listEverySeconds`. */
  adminSockets: number;
  listEverySeconds: number;
  /** Which of the three kinds of traffic run (all by default); narrowing it tells where memory goes. */
  only: Traffic[];
}

export const TRAFFIC = ["chats", "webhooks", "consoles"] as const;
export type Traffic = (typeof TRAFFIC)[number];

const QUESTIONS = [
  "What are your opening hours?",
  "How much is a professional teeth cleaning?",
  "Do you have parking near the clinic?",
  "Which languages do your doctors speak?",
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startLoad(plan: LoadPlan, counts: Counts, errorLog: string[]) {
  let stopped = false;
  const count = (c: Counter) => void (counts[c] += 1);
  const fail = (what: string, error: unknown) => {
    counts.errors += 1;
    if (errorLog.length < 50) {
      errorLog.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const wsUrl = `${plan.apiUrl.replace(/^http/, "ws")}/trpc`;
  const anonymous = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${plan.apiUrl}/trpc`, transformer: superjson })],
  });
  const staff = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${plan.apiUrl}/trpc`,
        transformer: superjson,
        headers: { authorization: `Bearer ${plan.adminToken}` },
      }),
    ],
  });
  const socket = (connectionParams?: Record<string, string>) => {
    const client = createWSClient({
      url: wsUrl,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
      ...(connectionParams ? { connectionParams } : {}),
    });
    const trpc = createTRPCClient<AppRouter>({
      links: [wsLink({ client, transformer: superjson })],
    });
    return { client, trpc };
  };

  async function visitor(index: number) {
    let visit = 0;
    while (!stopped) {
      visit += 1;
      const live = socket();
      try {
        const chat = await anonymous.chat.start.mutate({ agentId: plan.agentId });
        const subscription = live.trpc.chat.onEvent.subscribe(chat, {
          onData: () => count("chatEvents"),
          onError: (error) => fail("chat.onEvent", error),
        });
        for (let turn = 0; turn < plan.turnsPerVisitor && !stopped; turn++) {
          const content = QUESTIONS[(index + visit + turn) % QUESTIONS.length] ?? "Hello";
          await anonymous.chat.send.mutate({ ...chat, content });
          count("chatTurns");
          await sleep(plan.thinkMs);
        }
        await anonymous.chat.history.query({ ...chat, limit: 50 });
        count("chatHistories");
        subscription.unsubscribe();
      } catch (error) {
        if (!stopped) fail("web chat", error);
        await sleep(1_000);
      } finally {
        await live.client.close();
      }
    }
  }

  async function webhooks() {
    const interval = 1_000 / plan.webhooksPerSecond;
    const started = performance.now();
    const inFlight = new Set<Promise<void>>();
    for (let i = 0; !stopped; i++) {
      const wait = started + i * interval - performance.now();
      if (wait > 0) await sleep(wait);
      const sender = i % plan.senders;
      const request =
        i % 2 === 0
          ? postTelegram(plan, i, sender)
          : postInstagram(plan, `soak.${Date.now()}.${i}`, sender);
      const done = request
        .then((status) => (status === 200 ? count("webhooksAcked") : fail("webhook", status)))
        .catch((error: unknown) => fail("webhook", error))
        .finally(() => inFlight.delete(done));
      inFlight.add(done);
    }
    await Promise.all(inFlight);
  }

  async function consoleUser(index: number) {
    const live = socket({ token: plan.adminToken });
    const subscription = live.trpc.admin.onEvent.subscribe(
      {},
      {
        onData: () => count("adminEvents"),
        onError: (error) => fail("admin.onEvent", error),
      },
    );
    await sleep((index * plan.listEverySeconds * 1_000) / plan.adminSockets);
    while (!stopped) {
      try {
        await staff.conversations.list.query({ limit: 50 });
        count("adminLists");
      } catch (error) {
        fail("conversations.list", error);
      }
      await sleep(plan.listEverySeconds * 1_000);
    }
    subscription.unsubscribe();
    await live.client.close();
  }

  const on = (kind: Traffic) => plan.only.includes(kind);
  const running = [
    ...(on("chats") ? Array.from({ length: plan.visitors }, (_, i) => visitor(i)) : []),
    ...(on("webhooks") ? [webhooks()] : []),
    ...(on("consoles") ? Array.from({ length: plan.adminSockets }, (_, i) => consoleUser(i)) : []),
  ];
  return {
    async stop() {
      stopped = true;
      await Promise.all(running);
    },
  };
}

async function postTelegram(plan: LoadPlan, i: number, sender: number): Promise<number> {
  const update = telegramText(1_000_000 + i, 5_200_000_000 + sender, QUESTIONS[i % 4] ?? "Hi");
  const res = await fetch(`${plan.apiUrl}/api/v1/telegram/webhook/${plan.telegram.bindingId}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-telegram-bot-api-secret-token": plan.telegram.secret,
    },
    body: JSON.stringify(update),
  });
  await res.arrayBuffer();
  return res.status;
}

async function postInstagram(plan: LoadPlan, mid: string, sender: number): Promise<number> {
  const { account, appSecret } = plan.instagram;
  const body = instagramBody(account, [
    igItem(account, `96000000${String(sender).padStart(6, "0")}`, {
      message: { mid, text: QUESTIONS[sender % 4] ?? "Hi" },
    }),
  ]);
  const res = await fetch(`${plan.apiUrl}/api/v1/instagram/webhook`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-hub-signature-256": signBody(body, appSecret),
    },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}
