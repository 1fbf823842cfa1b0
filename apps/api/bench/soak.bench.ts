// Soak: the API as production runs it (its own process, --max-old-space-size=384, embedded DynamoDB in
// a temp DATA_DIR) under mixed traffic for 10 minutes: web chat visitors (start, WebSocket, turns,
// history) on the demo agent (knowledge base, moderation before and after) with a fake OpenAI answering
// after 300 ms, signed Telegram and Instagram webhooks through the durable inbox with replies to local
// fake platforms, and staff consoles on admin.onEvent listing conversations. Every 5 s it samples the
// API's RSS (/proc), heap and event-loop delay (system.metrics), and counts throughput and errors.
// Prints a row per minute and a verdict on memory: the slope of the API's resident anonymous memory
// after warm-up must stay under 3 MB/min, with no errors and the process alive. Writes bench/results/soak.json.
// Run: npx tsx apps/api/bench/soak.bench.ts [--soak-minutes=10] [--soak-only=chats,webhooks,consoles]
// (or npm run bench -- soak --soak-minutes=2)
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeOpenAI } from "@agents-crm/ai/testing";
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../src/router";
import { startFakeGraph } from "../test/fakes/fake-graph";
import { startFakeTelegram } from "../test/fakes/fake-telegram";
import { apiDir, apiNodeArgs, apiProcessEnv } from "../test/helpers/api-process";
import { modelAnswer } from "../test/helpers/chat-kit";
import { startLoad, TRAFFIC, type LoadPlan, type Traffic } from "./_soak-load";
import { memoryVerdict, minuteRows, zeroCounts, type Sample } from "./_soak-report";
import { runBench, writeBenchResult } from "./_bench-kit";

const ADMIN_TOKEN = "soak-bench-admin-token-0123456789abcdef";
const IG_ACCOUNT = "17841400000000099";
const IG_SECRET = "soak-bench-instagram-app-secret";
const LLM_MS = 300;
const SAMPLE_EVERY_MS = 5_000;
const ANON_SLOPE_LIMIT_MB_PER_MINUTE = 3;
const LOAD = {
  visitors: 4,
  turnsPerVisitor: 3,
  thinkMs: 1_500,
  webhooksPerSecond: 2,
  senders: 100,
  adminSockets: 20,
  listEverySeconds: 20,
};

function arg(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (at === -1) return undefined;
  return args[at]?.includes("=") ? args[at]?.slice(name.length + 1) : args[at + 1];
}

/** `--soak-only=chats,webhooks` runs part of the traffic (all three kinds by default). */
function onlyArg(): Traffic[] {
  const raw = arg("--soak-only");
  if (raw === undefined) return [...TRAFFIC];
  const kinds = raw.split(",").map((k) => k.trim());
  const unknown = kinds.filter((k) => !(TRAFFIC as readonly string[]).includes(k));
  if (unknown.length > 0 || kinds.length === 0) {
    throw new Error(`--soak-only takes ${TRAFFIC.join(", ")}; got ${raw}`);
  }
  return kinds as Traffic[];
}

function minutesArg(): number {
  const raw = arg("--soak-minutes");
  if (raw === undefined) return 10;
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes <= 0) {
    throw new Error(`--soak-minutes must be a positive number, got ${raw}`);
  }
  return minutes;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const signed = (n: number) => `${n >= 0 ? "+" : ""}${n}`;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * The API's resident memory from /proc: all of it, and its anonymous part (heaps, V8, native buffers).
 * The rest is file pages — mostly the embedded LevelDB's table files, which it maps into memory: they
 * grow with the data on disk and the kernel reclaims them under pressure, so the verdict is on anon.
 */
function residentOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) =>
    Math.round((Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1]) / 1024) * 10) /
    10;
  return { rssMb: field("VmRSS"), rssAnonMb: field("RssAnon"), rssFileMb: field("RssFile") };
}

function startApi(env: Record<string, string>): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, apiNodeArgs(["--max-old-space-size=384"]), {
    cwd: apiDir,
    env: apiProcessEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), 60_000);
    child.stdout?.on("data", () => {
      const port = /"url":"http:\/\/localhost:(\d+)"/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolveUrl(`http://127.0.0.1:${port}`);
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`API exited (${signal ?? code}):\n${output.slice(-4_000)}`));
    });
  });
  return { child, url };
}

async function stopApi(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

async function main() {
  const minutes = minutesArg();
  const only = onlyArg();
  const warmupSeconds = Math.min(120, Math.round(minutes * 60 * 0.25));
  const llmServer = await startFakeOpenAI({
    latencyMs: { chat: LLM_MS, embeddings: 20, moderations: 20 },
    responder: () => modelAnswer("We are open Monday to Friday, 9:00 to 20:00."),
  });
  const telegram = await startFakeTelegram();
  const bot = telegram.addBot({ username: "soak_clinic_bot" });
  const graph = await startFakeGraph();
  graph.addInstagramAccount(IG_ACCOUNT, "soak-ig-token");
  const dataDir = mkdtempSync(join(tmpdir(), "agents-crm-soak-"));
  const api = startApi({
    DATA_DIR: dataDir,
    ADMIN_TOKEN,
    RATE_LIMIT_PER_MINUTE: "1000000",
    OPENAI_API_KEY: "sk-soak",
    OPENAI_BASE_URL: llmServer.url,
    TELEGRAM_API_BASE_URL: telegram.url,
    INSTAGRAM_GRAPH_BASE_URL: graph.url,
    INSTAGRAM_APP_SECRET: IG_SECRET,
    APP_URL: "http://127.0.0.1:9",
  });
  const apiDied = new Promise<never>((_, reject) =>
    api.child.once("exit", (code, signal) => reject(new Error(`API exited (${signal ?? code})`))),
  );
  apiDied.catch(() => undefined);
  const pid = api.child.pid as number;
  let failure: string | null = null;
  const samples: Sample[] = [];
  const errorLog: string[] = [];
  try {
    const url = await api.url;
    const admin = createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${url}/trpc`,
          transformer: superjson,
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        }),
      ],
    });
    const tg = await admin.bindings.create.mutate({
      agentId: "demo_clinic",
      channelType: "telegram",
      accessToken: bot.token,
    });
    await admin.bindings.verify.mutate({ bindingId: tg.bindingId });
    const secret = telegram.bot(bot.token)?.webhook?.secretToken;
    if (!secret) throw new Error("the Telegram binding did not register its webhook");
    await admin.bindings.create.mutate({
      agentId: "demo_clinic",
      channelType: "instagram",
      channelAccountId: IG_ACCOUNT,
      accessToken: "soak-ig-token",
    });

    const counts = zeroCounts();
    const plan: LoadPlan = {
      ...LOAD,
      only,
      apiUrl: url,
      adminToken: ADMIN_TOKEN,
      agentId: "demo_clinic",
      telegram: { bindingId: tg.bindingId, secret },
      instagram: { account: IG_ACCOUNT, appSecret: IG_SECRET },
    };
    console.log(
      `soak: ${minutes} min of ${LOAD.visitors} web chat visitors, ${LOAD.webhooksPerSecond} webhooks/s, ${LOAD.adminSockets} console sockets (LLM ${LLM_MS} ms; running: ${only.join(", ")}); API pid ${pid}`,
    );
    const started = Date.now();
    const load = startLoad(plan, counts, errorLog);
    const sample = async () => {
      const m = await admin.system.metrics.query();
      counts.repliesDelivered = telegram.sent().length + graph.sent().length;
      samples.push({
        at: Math.round((Date.now() - started) / 1000),
        ...residentOf(pid),
        heapUsedMb: mb(m.heapUsedBytes),
        heapTotalMb: mb(m.heapTotalBytes),
        externalMb: mb(m.externalBytes),
        v8MallocedMb: mb(m.v8MallocedBytes),
        eventLoopP99Ms: m.eventLoopDelayMs.p99,
        eventLoopMaxMs: m.eventLoopDelayMs.max,
        counts: { ...counts },
      });
    };
    await sample();
    const end = started + minutes * 60_000;
    try {
      while (Date.now() < end) {
        await Promise.race([sleep(Math.min(SAMPLE_EVERY_MS, end - Date.now())), apiDied]);
        await sample();
      }
    } finally {
      await Promise.race([load.stop(), sleep(30_000)]);
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  } finally {
    await stopApi(api.child);
    await Promise.all([llmServer.close(), telegram.close(), graph.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  }

  const rows = minuteRows(samples);
  const verdict = memoryVerdict(samples, warmupSeconds, ANON_SLOPE_LIMIT_MB_PER_MINUTE);
  const totals = samples.at(-1)?.counts ?? zeroCounts();
  const ok = failure === null && verdict.bounded && totals.errors === 0;
  if (rows.length > 0) console.table(rows);
  const first = samples[0];
  const last = samples.at(-1);
  if (first && last) {
    console.log(
      `start → end: RSS ${first.rssMb} → ${last.rssMb} MB (anonymous ${first.rssAnonMb} → ${last.rssAnonMb}, file ${first.rssFileMb} → ${last.rssFileMb}), heap ${first.heapUsedMb} → ${last.heapUsedMb} MB, event-loop p99 ${first.eventLoopP99Ms} → ${last.eventLoopP99Ms} ms, errors ${totals.errors}`,
    );
  }
  console.log(
    `memory after the first ${warmupSeconds} s: anonymous ${signed(verdict.anonSlopeMbPerMinute)} MB/min (limit ${ANON_SLOPE_LIMIT_MB_PER_MINUTE}), all of RSS ${signed(verdict.rssSlopeMbPerMinute)}, V8 heap ${signed(verdict.heapSlopeMbPerMinute)}: ${verdict.bounded ? "bounded" : "GROWING"}`,
  );
  for (const line of errorLog.slice(0, 10)) console.log(`error: ${line}`);
  if (failure) console.error(`soak failed: ${failure}`);
  console.log(ok ? "soak: PASS" : "soak: FAIL");

  writeBenchResult("soak", {
    name: "soak",
    at: new Date().toISOString(),
    minutes,
    load: { ...LOAD, only, llmLatencyMs: LLM_MS, apiNodeFlags: ["--max-old-space-size=384"] },
    verdict,
    totals,
    ok,
    failure,
    errors: errorLog,
    minutesTable: rows,
    samples,
  });
  process.exit(ok ? 0 : 1);
}

runBench(main);
