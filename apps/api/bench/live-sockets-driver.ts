// The client side of live-sockets.bench.ts, in a worker thread of the bench process (the API runs in
// its own process): thousands of real @trpc/client WebSocket clients, one per socket, plus the HTTP
// calls that start and feed the conversations. Latencies are measured on this thread's clock.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parentPort } from "node:worker_threads";
import { createTRPCClient, createWSClient, httpLink, wsLink } from "@trpc/client";
import superjson from "superjson";
import { WebSocket } from "ws";
import type { AppRouter } from "../src/router";

export interface SocketsPlan {
  apiUrl: string;
  adminToken: string;
  agentId: string;
  patients: number;
  admins: number;
  /** Sockets opened at once. */
  batch: number;
  /** Sends before the measured ones, reported apart (the process's first turns). */
  warmupSends: number;
  sends: number;
  sendsPerSecond: number;
  /** How long after the last send events may still arrive. */
  drainMs: number;
}

export type DriverCommand = { type: "open"; plan: SocketsPlan } | { type: "events" };

export interface OpenedReport {
  type: "opened";
  patientsOpened: number;
  patientsFailed: number;
  adminsOpened: number;
  adminsFailed: number;
  openSeconds: number;
  clientRssMb: number;
  errors: string[];
}

export interface DoneReport {
  type: "done";
  /** One sample per (send, admin) pair that arrived: send → that admin got `message.created`. */
  fanOutMs: number[];
  /** Per send: first admin → last admin to receive it (the fan-out itself). */
  spreadMs: number[];
  /**
   * The same pairs split at the event's `at` (the API's clock when it began logging the event, after
   * storing the message; same machine clock, 1 ms resolution): send → logged, logged → admin.
   */
  sendToLoggedMs: number[];
  loggedToAdminMs: number[];
  /** send → each admin for the warm-up sends. */
  warmupFanOutMs: number[];
  /** This client thread's event-loop delay during the events: how late it could have noticed one. */
  clientLoopDelayMs: { p99: number; max: number };
  /** Per send: send → the patient's own socket got the agent's reply `message`. */
  replyMs: number[];
  /** Per send: the chat.send HTTP round trip (it answers with the agent's reply). */
  sendMs: number[];
  missingAdminEvents: number;
  missingReplies: number;
  sendFailures: number;
  socketsOpenAtEnd: number;
  unexpectedCloses: number;
  clientRssMb: number;
  errors: string[];
}

export type DriverMessage = OpenedReport | DoneReport | { type: "failed"; error: string };

const port = parentPort;
if (!port) throw new Error("run through live-sockets.bench.ts");

type Client = ReturnType<typeof createWSClient>;
type Trpc = ReturnType<typeof createTRPCClient<AppRouter>>;

interface Patient {
  chat: { conversationId: string; token: string };
  client: Client;
  /** When this patient's message was sent, until the agent's reply arrives on its socket. */
  sentAt: number | null;
  replyMs: number | null;
}

interface Pending {
  sentAt: number;
  sentWall: number;
  /** The event's `at`, as epoch ms. */
  loggedAt: number;
  /** Per admin: wall clock ms from the event's `at` until that admin received it. */
  fromLoggedMs: Float64Array;
  /** Per admin: ms from the send until it received the event (NaN until then). */
  adminMs: Float64Array;
}

const errors: string[] = [];
const noteError = (where: string, error: unknown) => {
  if (errors.length < 20)
    errors.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

let closing = false;
let unexpectedCloses = 0;
const patients: Patient[] = [];
const admins: Client[] = [];
/** By message content: the sends under way. */
const pending = new Map<string, Pending>();
/**
 * While probing, by conversation id: which admins saw its `conversation.created` (the event reaches the
 * sockets before chat.start answers, so every new conversation is noted).
 */
let probes: Map<string, Set<number>> | null = null;

function socket(plan: SocketsPlan, connectionParams?: Record<string, string>) {
  // Only a socket that was held (opened and subscribed) counts when it closes before the end.
  const state = { held: false };
  const client = createWSClient({
    url: `${plan.apiUrl.replace(/^http/, "ws")}/trpc`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    retryDelayMs: () => 1_000,
    onClose: () => {
      if (state.held && !closing) unexpectedCloses++;
    },
    ...(connectionParams ? { connectionParams } : {}),
  });
  const trpc: Trpc = createTRPCClient<AppRouter>({
    links: [wsLink({ client, transformer: superjson })],
  });
  return { client, trpc, state };
}

/** Resolves when the server answered `started`; rejects on an error or after 15 s. */
function started(subscribe: (handlers: { onStarted(): void; onError(e: unknown): void }) => void) {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("subscription not started in 15 s")), 15_000);
    subscribe({
      onStarted: () => {
        clearTimeout(timer);
        resolve();
      },
      onError: (error) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    });
  });
}

async function openPatient(plan: SocketsPlan, http: Trpc): Promise<void> {
  const chat = await http.chat.start.mutate({ agentId: plan.agentId });
  const { client, trpc, state } = socket(plan);
  const patient: Patient = { chat, client, sentAt: null, replyMs: null };
  try {
    await started((handlers) =>
      trpc.chat.onEvent.subscribe(chat, {
        ...handlers,
        onData: ({ data }) => {
          if (data.type !== "message" || data.payload.message.role !== "agent") return;
          if (patient.sentAt === null) return;
          patient.replyMs = performance.now() - patient.sentAt;
          patient.sentAt = null;
        },
      }),
    );
  } catch (error) {
    await client.close();
    throw error;
  }
  state.held = true;
  patients.push(patient);
}

async function openAdmin(plan: SocketsPlan, index: number): Promise<void> {
  const { client, trpc, state } = socket(plan, { token: plan.adminToken });
  try {
    await started((handlers) =>
      trpc.admin.onEvent.subscribe(undefined, {
        ...handlers,
        onData: ({ data }) => {
          if (data.type === "conversation.created") {
            const id = data.payload.conversation.conversationId;
            if (probes) probes.set(id, (probes.get(id) ?? new Set()).add(index));
            return;
          }
          if (data.type !== "message.created" || data.payload.message.role !== "user") return;
          const sent = pending.get(data.payload.message.content);
          if (!sent || !Number.isNaN(sent.adminMs[index])) return;
          sent.adminMs[index] = performance.now() - sent.sentAt;
          sent.loggedAt = Date.parse(data.at);
          sent.fromLoggedMs[index] = Date.now() - sent.loggedAt;
        },
      }),
    );
  } catch (error) {
    await client.close();
    throw error;
  }
  state.held = true;
  admins.push(client);
}

/** Opens `count` sockets `batch` at a time; returns how many failed. */
async function inBatches(count: number, batch: number, open: (i: number) => Promise<void>) {
  let failed = 0;
  for (let first = 0; first < count; first += batch) {
    const results = await Promise.allSettled(
      Array.from({ length: Math.min(batch, count - first) }, (_, k) => open(first + k)),
    );
    for (const result of results) {
      if (result.status === "rejected") {
        failed++;
        noteError("open", result.reason);
      }
    }
  }
  return failed;
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > until) return false;
    await sleep(20);
  }
  return true;
}

async function open(plan: SocketsPlan, http: Trpc): Promise<OpenedReport> {
  const began = performance.now();
  const patientsFailed = await inBatches(plan.patients, plan.batch, () => openPatient(plan, http));
  const adminsFailed = await inBatches(plan.admins, plan.batch, (i) => openAdmin(plan, i));
  // Every admin listener is live once each of them got the conversation.created of a fresh chat.
  const seen = new Map<string, Set<number>>();
  probes = seen;
  const probe = await http.chat.start.mutate({ agentId: plan.agentId });
  if (!(await waitFor(() => seen.get(probe.conversationId)?.size === admins.length, 10_000)))
    noteError("probe", "not every admin received conversation.created within 10 s");
  probes = null;
  return {
    type: "opened",
    patientsOpened: patients.length,
    patientsFailed,
    adminsOpened: admins.length,
    adminsFailed,
    openSeconds: Math.round((performance.now() - began) / 100) / 10,
    clientRssMb: rssMb(),
    errors: [...errors],
  };
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

interface Burst {
  chosen: Patient[];
  records: Pending[];
  sendMs: number[];
  sendFailures: number;
}

/** `chosen.length` chat.send at the plan's rate, one per patient; resolves once all arrived or drainMs. */
async function sendBurst(plan: SocketsPlan, http: Trpc, chosen: Patient[], label: string) {
  const burst: Burst = { chosen, records: [], sendMs: [], sendFailures: 0 };
  const interval = 1000 / plan.sendsPerSecond;
  const sends: Promise<void>[] = [];
  const start = performance.now() + 20;
  for (const [i, patient] of chosen.entries()) {
    const wait = start + i * interval - performance.now();
    if (wait > 0) await sleep(wait);
    const content = `live-sockets ${label} #${i}`;
    const record: Pending = {
      sentAt: performance.now(),
      sentWall: Date.now(),
      loggedAt: NaN,
      adminMs: new Float64Array(admins.length).fill(NaN),
      fromLoggedMs: new Float64Array(admins.length).fill(NaN),
    };
    pending.set(content, record);
    burst.records.push(record);
    patient.sentAt = record.sentAt;
    sends.push(
      http.chat.send
        .mutate({ ...patient.chat, content })
        .then(() => void burst.sendMs.push(performance.now() - record.sentAt))
        .catch((error: unknown) => {
          burst.sendFailures++;
          noteError("chat.send", error);
        }),
    );
  }
  await Promise.all(sends);
  const complete = () =>
    burst.records.every((r) => r.adminMs.every((v) => !Number.isNaN(v))) &&
    chosen.every((p) => p.sentAt === null);
  await waitFor(complete, plan.drainMs);
  return burst;
}

const received = (values: Float64Array) => [...values].filter((v) => !Number.isNaN(v));

async function events(plan: SocketsPlan, http: Trpc): Promise<DoneReport> {
  const order = shuffled(patients);
  const runId = Math.random().toString(36).slice(2, 8);
  // The process's first turns pay one-off costs (JIT, the agent's compiled rules, its knowledge index
  // loaded from the store): measured, but apart from the steady state.
  const warmup = await sendBurst(plan, http, order.slice(0, plan.warmupSends), `${runId} warm-up`);
  await sleep(1_000);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const chosen = order.slice(plan.warmupSends, plan.warmupSends + plan.sends);
  const { records, sendMs, sendFailures } = await sendBurst(plan, http, chosen, runId);
  loop.disable();

  const fanOutMs = records.flatMap((r) => received(r.adminMs));
  const spreadMs = records.flatMap((r) => {
    const got = received(r.adminMs);
    return got.length > 1 ? [Math.max(...got) - Math.min(...got)] : [];
  });
  const warmupFanOutMs = warmup.records.flatMap((r) => received(r.adminMs));
  const all = [...patients.map((p) => p.client), ...admins];
  return {
    type: "done",
    fanOutMs,
    spreadMs,
    sendToLoggedMs: records.flatMap((r) =>
      Number.isNaN(r.loggedAt) ? [] : [r.loggedAt - r.sentWall],
    ),
    loggedToAdminMs: records.flatMap((r) => received(r.fromLoggedMs)),
    warmupFanOutMs,
    clientLoopDelayMs: {
      p99: Math.round(loop.percentile(99) / 1e5) / 10,
      max: Math.round(loop.max / 1e5) / 10,
    },
    replyMs: chosen.flatMap((p) => (p.replyMs === null ? [] : [p.replyMs])),
    sendMs,
    missingAdminEvents:
      (records.length + warmup.records.length) * admins.length -
      fanOutMs.length -
      warmupFanOutMs.length,
    missingReplies: [...warmup.chosen, ...chosen].filter((p) => p.replyMs === null).length,
    sendFailures: sendFailures + warmup.sendFailures,
    socketsOpenAtEnd: all.filter((c) => c.connection?.state === "open").length,
    unexpectedCloses,
    clientRssMb: rssMb(),
    errors: [...errors],
  };
}

async function closeAll() {
  closing = true;
  const all = [...patients.map((p) => p.client), ...admins];
  for (let i = 0; i < all.length; i += 500) {
    await Promise.allSettled(all.slice(i, i + 500).map((c) => c.close()));
  }
}

let session: { plan: SocketsPlan; http: Trpc } | null = null;

const reply = (work: () => Promise<DriverMessage>) => {
  work()
    .then((message) => port.postMessage(message))
    .catch(async (error: unknown) => {
      await closeAll();
      port.postMessage({ type: "failed", error: String(error) } satisfies DriverMessage);
    });
};

port.on("message", (command: DriverCommand) => {
  switch (command.type) {
    case "open": {
      const http = createTRPCClient<AppRouter>({
        links: [httpLink({ url: `${command.plan.apiUrl}/trpc`, transformer: superjson })],
      });
      session = { plan: command.plan, http };
      reply(() => open(command.plan, http));
      break;
    }
    case "events":
      reply(async () => {
        if (!session) throw new Error("events before open");
        const done = await events(session.plan, session.http);
        await closeAll();
        return done;
      });
      break;
  }
});
