// Live sockets and memory of the real API process (`node --import tsx src/main.ts`, embedded DynamoDB in
// a temp DATA_DIR, offline model): 2,000 web chat visitors each on their own WebSocket (`chat.onEvent`)
// plus 50 consoles on `admin.onEvent`, then 40 warm-up and 200 measured `chat.send` at 20/s; every console
// must get each new message in ≤ 100 ms p99, and the API's RSS must stay ≤ 200 MB idle and ≤ 400 MB with
// the sockets held.
// The clients run in a worker thread of this process (see live-sockets-driver.ts), so the API's RSS and
// CPU are its own. Run: npx tsx apps/api/bench/live-sockets.bench.ts [node flags for the API process;
// without any, the shipped setting (the heap cap `npm start` and the API image use)]
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync, mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { apiDir, apiNodeArgs, apiProcessEnv } from "../test/helpers/api-process";
import type { DoneReport, DriverCommand, DriverMessage, OpenedReport } from "./live-sockets-driver";
import { runBench, writeBenchResult } from "./_bench-kit";

const TARGETS = { fanOutP99Ms: 100, idleRssMb: 200, targetRssMb: 400 };
const PLAN = {
  patients: 2_000,
  admins: 50,
  batch: 100,
  warmupSends: 40,
  sends: 200,
  sendsPerSecond: 20,
};
const ADMIN_TOKEN = "live-sockets-bench-admin-token-0123456789";
const IDLE_SETTLE_MS = 5_000;
const HELD_SETTLE_MS = 3_000;
const DEADLINE_MS = 170_000;
const GIVEN_FLAGS = process.argv.slice(2).filter((arg) => arg.startsWith("--"));
const API_NODE_FLAGS = GIVEN_FLAGS.length > 0 ? GIVEN_FLAGS : ["--max-old-space-size=384"];

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const round1 = (n: number) => Math.round(n * 10) / 10;

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ??
    NaN;
  const r = (n: number) => Math.round(n * 100) / 100;
  return { n: sorted.length, p50: r(at(50)), p95: r(at(95)), p99: r(at(99)), max: r(at(100)) };
}

/** VmRSS / VmHWM (peak) of a process, in MB; throws when the process is gone. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
  return { rssMb: round1(kb("VmRSS") / 1024), peakMb: round1(kb("VmHWM") / 1024) };
}

/** User + system CPU seconds a process has used (clock ticks are 100 Hz on Linux). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Seconds the API's main thread (its event loop) spent waiting for a CPU while runnable: how much
 * other processes on this shared machine delayed it.
 */
function runQueueWaitOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8").split(" ");
  return Number(fields[1]) / 1e9;
}

interface StartedApi {
  child: ChildProcess;
  url: Promise<string>;
  /** Rejects when the process exits, whenever that is. */
  died: Promise<never>;
  tail: () => string;
}

function startApi(dataDir: string): StartedApi {
  const child = spawn(process.execPath, apiNodeArgs(API_NODE_FLAGS), {
    cwd: apiDir,
    env: apiProcessEnv({
      DATA_DIR: dataDir,
      ADMIN_TOKEN,
      // Every client is 127.0.0.1; the schema's ceiling is 1,000,000 calls a minute.
      RATE_LIMIT_PER_MINUTE: "1000000",
      // And 2,050 subscriptions from that one address.
      SUBSCRIPTIONS_PER_ADDRESS: "1000000",
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), 30_000);
    child.stdout?.on("data", () => {
      const port = /"url":"http:\/\/localhost:(\d+)"/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolveUrl(`http://127.0.0.1:${port}`);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code}:\n${output}`));
    });
  });
  const died = new Promise<never>((_, reject) => {
    child.once("exit", (code, signal) =>
      reject(new Error(`API exited (${signal ?? code}) during the run:\n${output}`)),
    );
  });
  // Also settles when the bench stops the API itself; only the race in main() cares.
  died.catch(() => undefined);
  return { child, url, died, tail: () => output };
}

async function stopApi(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

function startDriver(): Worker {
  const driver = new URL("./live-sockets-driver.ts", import.meta.url).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  return new Worker(
    `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(driver)}); });`,
    { eval: true },
  );
}

function ask(worker: Worker, command: DriverCommand): Promise<DriverMessage> {
  return new Promise((done, reject) => {
    const onError = (error: Error) => reject(error);
    worker.once("error", onError);
    worker.once("message", (message: DriverMessage) => {
      worker.off("error", onError);
      done(message);
    });
    worker.postMessage(command);
  });
}

function expect<T extends DriverMessage["type"]>(
  message: DriverMessage,
  type: T,
): Extract<DriverMessage, { type: T }> {
  if (message.type === "failed") throw new Error(`driver failed: ${message.error}`);
  if (message.type !== type) throw new Error(`driver answered ${message.type}, expected ${type}`);
  return message as Extract<DriverMessage, { type: T }>;
}

interface Run {
  idle?: { rssMb: number };
  held?: { rssMb: number; clientRssMb: number };
  opened?: OpenedReport;
  done?: DoneReport;
  peakRssMb?: number;
  afterEventsRssMb?: number;
  apiCpuSeconds: { opening?: number; events?: number };
  apiRunQueueWaitSeconds: { opening?: number; events?: number };
  clientCpuSeconds: { opening?: number; events?: number };
  error?: string;
}

async function measure(run: Run, api: StartedApi, worker: Worker) {
  const url = await api.url;
  const pid = api.child.pid as number;
  await sleep(IDLE_SETTLE_MS);
  run.idle = { rssMb: memoryOf(pid).rssMb };

  const phase = (into: "opening" | "events") => {
    const cpu = cpuSecondsOf(pid);
    const wait = runQueueWaitOf(pid);
    const client = process.cpuUsage();
    return () => {
      const used = process.cpuUsage(client);
      run.apiCpuSeconds[into] = round1(cpuSecondsOf(pid) - cpu);
      run.apiRunQueueWaitSeconds[into] = round1(runQueueWaitOf(pid) - wait);
      run.clientCpuSeconds[into] = round1((used.user + used.system) / 1e6);
    };
  };
  const opening = phase("opening");
  const openCommand: DriverCommand = {
    type: "open",
    plan: {
      ...PLAN,
      apiUrl: url,
      adminToken: ADMIN_TOKEN,
      agentId: "demo_clinic",
      drainMs: 15_000,
    },
  };
  run.opened = expect(await ask(worker, openCommand), "opened");
  opening();
  await sleep(HELD_SETTLE_MS);
  run.held = { rssMb: memoryOf(pid).rssMb, clientRssMb: run.opened.clientRssMb };

  const events = phase("events");
  run.done = expect(await ask(worker, { type: "events" }), "done");
  events();
  const after = memoryOf(pid);
  run.peakRssMb = after.peakMb;
  run.afterEventsRssMb = after.rssMb;
}

async function main() {
  const began = performance.now();
  const loadBefore = loadavg().map(round1);
  const dataDir = mkdtempSync(join(tmpdir(), "agents-crm-live-sockets-"));
  const api = startApi(dataDir);
  const killNow = () => api.child.kill("SIGKILL");
  process.once("exit", killNow);
  const worker = startDriver();
  const run: Run = { apiCpuSeconds: {}, apiRunQueueWaitSeconds: {}, clientCpuSeconds: {} };
  let deadline: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      measure(run, api, worker),
      api.died,
      new Promise((_, reject) => {
        deadline = setTimeout(() => reject(new Error("bench exceeded its deadline")), DEADLINE_MS);
      }),
    ]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const tail = api.tail().slice(-2_000);
    run.error = message.includes(tail) ? message : `${message}\n${tail}`;
  } finally {
    clearTimeout(deadline);
    const pid = api.child.pid;
    if (pid !== undefined && run.peakRssMb === undefined) {
      try {
        run.peakRssMb = memoryOf(pid).peakMb;
      } catch {
        // The API is gone already: its peak is unknown.
      }
    }
    await worker.terminate();
    await stopApi(api.child);
    process.off("exit", killNow);
    rmSync(dataDir, { recursive: true, force: true });
  }
  report(run, { began, loadBefore });
}

function report(run: Run, at: { began: number; loadBefore: number[] }) {
  const { opened, done } = run;
  const sockets = PLAN.patients + PLAN.admins;
  const fanOut = summary(done?.fanOutMs ?? []);
  const held = run.held?.rssMb;
  const idle = run.idle?.rssMb;
  const results = {
    name: "live-sockets",
    at: new Date().toISOString(),
    node: process.version,
    api: "node --import tsx src/main.ts (separate process), embedded DynamoDB on disk, offline model",
    apiNodeFlags: API_NODE_FLAGS,
    client: "@trpc/client createWSClient + wsLink (one per socket, ws package) in a worker thread",
    plan: PLAN,
    socketsOpened: (opened?.patientsOpened ?? 0) + (opened?.adminsOpened ?? 0),
    socketsFailed: (opened?.patientsFailed ?? 0) + (opened?.adminsFailed ?? 0),
    socketsOpenAtEnd: done?.socketsOpenAtEnd ?? 0,
    unexpectedCloses: done?.unexpectedCloses ?? null,
    openSeconds: opened?.openSeconds ?? null,
    idleRssMb: idle ?? null,
    rssAtTargetMb: held ?? null,
    afterEventsRssMb: run.afterEventsRssMb ?? null,
    peakRssMb: run.peakRssMb ?? null,
    perSocketKb:
      held !== undefined && idle !== undefined ? round1(((held - idle) * 1024) / sockets) : null,
    clientRssMb: { held: run.held?.clientRssMb ?? null, end: done?.clientRssMb ?? null },
    apiCpuSeconds: run.apiCpuSeconds,
    apiRunQueueWaitSeconds: run.apiRunQueueWaitSeconds,
    clientCpuSeconds: run.clientCpuSeconds,
    adminFanOutMs: fanOut,
    adminSpreadMs: summary(done?.spreadMs ?? []),
    sendToLoggedMs: summary(done?.sendToLoggedMs ?? []),
    loggedToAdminMs: summary(done?.loggedToAdminMs ?? []),
    warmupFanOutMs: summary(done?.warmupFanOutMs ?? []),
    clientLoopDelayMs: done?.clientLoopDelayMs ?? null,
    patientReplyMs: summary(done?.replyMs ?? []),
    chatSendMs: summary(done?.sendMs ?? []),
    missingAdminEvents: done?.missingAdminEvents ?? null,
    missingReplies: done?.missingReplies ?? null,
    sendFailures: done?.sendFailures ?? null,
    errors: [...(done?.errors ?? opened?.errors ?? []), ...(run.error ? [run.error] : [])],
    durationSeconds: round1((performance.now() - at.began) / 1000),
    loadAverage: { before: at.loadBefore, after: loadavg().map(round1) },
    targets: TARGETS,
  };
  const met =
    !run.error &&
    results.socketsFailed === 0 &&
    results.socketsOpenAtEnd === sockets &&
    results.missingAdminEvents === 0 &&
    fanOut.p99 <= TARGETS.fanOutP99Ms &&
    idle !== undefined &&
    idle <= TARGETS.idleRssMb &&
    held !== undefined &&
    held <= TARGETS.targetRssMb;

  console.log(
    `\nlive sockets: ${PLAN.patients} patients + ${PLAN.admins} admins, ${PLAN.sends} chat.send at ${PLAN.sendsPerSecond}/s after ${PLAN.warmupSends} warm-up sends\n`,
  );
  console.table({
    "admin fan-out: send → each admin (ms)": results.adminFanOutMs,
    "  send → event logged by the API (ms)": results.sendToLoggedMs,
    "  event logged → each admin (ms)": results.loggedToAdminMs,
    "first → last admin, per event (ms)": results.adminSpreadMs,
    [`warm-up: first ${PLAN.warmupSends} sends → each admin (ms)`]: results.warmupFanOutMs,
    "patient's reply on its socket (ms)": results.patientReplyMs,
    "chat.send round trip (ms)": results.chatSendMs,
  });
  console.table({
    sockets: {
      opened: results.socketsOpened,
      failed: results.socketsFailed,
      "open at end": results.socketsOpenAtEnd,
      "unexpected closes": results.unexpectedCloses,
      "open (s)": results.openSeconds,
    },
  });
  console.table({
    "API RSS (MB)": {
      idle,
      "at target": held,
      "after events": results.afterEventsRssMb,
      peak: results.peakRssMb,
      "per socket (KB)": results.perSocketKb,
      "client RSS": results.clientRssMb.held,
    },
  });
  console.log(
    `missing admin events: ${results.missingAdminEvents}; missing replies: ${results.missingReplies}; ` +
      `send failures: ${results.sendFailures}`,
  );
  console.table({
    "API process CPU": results.apiCpuSeconds,
    "API event loop waiting for a CPU": results.apiRunQueueWaitSeconds,
    "client process CPU": results.clientCpuSeconds,
  });
  console.log(
    `client loop delay ms: ${JSON.stringify(results.clientLoopDelayMs)}; ` +
      `load average ${results.loadAverage.before.join(" ")} → ${results.loadAverage.after.join(" ")}`,
  );
  for (const error of results.errors) console.log(`error: ${error}`);
  console.log(
    `targets: fan-out p99 ≤ ${TARGETS.fanOutP99Ms} ms, RSS ≤ ${TARGETS.idleRssMb} MB idle / ≤ ${TARGETS.targetRssMb} MB held → ${met ? "met" : "NOT met"}`,
  );

  writeBenchResult("live-sockets", { ...results, targetsMet: met });
  console.log(`in ${results.durationSeconds} s\n`);
  process.exitCode = met ? 0 : 1;
}

runBench(main);
