// The client side of webhook-ack.bench.ts, in a worker thread: the slow fake OpenAI and the load
// generator get their own event loop, so the latencies measured are the API server's work only.
import { createHmac } from "node:crypto";
import { Agent, request } from "node:http";
import { parentPort } from "node:worker_threads";
import { startFakeOpenAI } from "@agents-crm/ai/testing";

export interface AckPlan {
  apiUrl: string;
  eventsPerSecond: number;
  warmupSeconds: number;
  seconds: number;
  users: number;
  instagram: { account: string; appSecret: string };
  telegram: { bindingId: string; secret: string };
}

export interface AckSample {
  platform: "instagram" | "telegram";
  ms: number;
  status: number;
  /** How late the request left against its schedule (client-side lag, for honesty). */
  lagMs: number;
}

export type AckMessage =
  | { type: "ready"; fakeUrl: string }
  | { type: "done"; samples: AckSample[]; sent: number }
  | { type: "failed"; error: string };

const port = parentPort;
if (!port) throw new Error("run through webhook-ack.bench.ts");

const fake = await startFakeOpenAI({ latencyMs: 2_000 });
port.postMessage({ type: "ready", fakeUrl: fake.url } satisfies AckMessage);

port.once("message", (plan: AckPlan) => {
  run(plan)
    .then((message) => port.postMessage(message))
    .catch((error: unknown) => port.postMessage({ type: "failed", error: String(error) }))
    .finally(() => void fake.close());
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function instagramBody(plan: AckPlan, i: number): string {
  return JSON.stringify({
    object: "instagram",
    entry: [
      {
        id: plan.instagram.account,
        time: Date.now(),
        messaging: [
          {
            sender: { id: `9000000000${i % plan.users}` },
            recipient: { id: plan.instagram.account },
            timestamp: Date.now(),
            message: { mid: `bench_mid_${i}`, text: `Bonjour, est-ce ouvert le samedi ? (${i}) é` },
          },
        ],
      },
    ],
  }).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function telegramBody(plan: AckPlan, i: number): string {
  const chat = 5_100_000_000 + (i % plan.users);
  return JSON.stringify({
    update_id: 900_000_000 + i,
    message: {
      message_id: i,
      from: { id: chat, is_bot: false, first_name: "Load" },
      chat: { id: chat, type: "private", first_name: "Load" },
      date: Math.floor(Date.now() / 1000),
      text: `How much is a check-up? (${i})`,
    },
  });
}

async function run(plan: AckPlan): Promise<AckMessage> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const api = new URL(plan.apiUrl);

  const fire = (i: number, due: number): Promise<AckSample> => {
    const platform = i % 2 === 0 ? "instagram" : "telegram";
    const body = platform === "instagram" ? instagramBody(plan, i) : telegramBody(plan, i);
    const headers: Record<string, string | number> = {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    };
    let path: string;
    if (platform === "instagram") {
      path = "/api/v1/instagram/webhook";
      headers["x-hub-signature-256"] =
        `sha256=${createHmac("sha256", plan.instagram.appSecret).update(body).digest("hex")}`;
    } else {
      path = `/api/v1/telegram/webhook/${plan.telegram.bindingId}`;
      headers["x-telegram-bot-api-secret-token"] = plan.telegram.secret;
    }
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request(
        { host: api.hostname, port: api.port, path, method: "POST", headers, agent },
        (res) => {
          res.resume();
          res.on("end", () =>
            resolve({
              platform,
              ms: performance.now() - started,
              status: res.statusCode ?? 0,
              lagMs: Math.max(0, started - due),
            }),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  };

  const phase = async (first: number, count: number) => {
    const interval = 1000 / plan.eventsPerSecond;
    const start = performance.now() + 20;
    const inFlight: Promise<AckSample>[] = [];
    for (let i = 0; i < count; i++) {
      const due = start + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      inFlight.push(fire(first + i, due));
    }
    return Promise.all(inFlight);
  };

  const warmup = plan.eventsPerSecond * plan.warmupSeconds;
  const measured = plan.eventsPerSecond * plan.seconds;
  await phase(0, warmup);
  const samples = await phase(warmup, measured);
  agent.destroy();
  return { type: "done", samples, sent: warmup + measured };
}
