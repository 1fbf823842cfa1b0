// What hostile request bodies cost the API: each scenario starts the real API process (`src/main.ts`,
// embedded database, fresh DATA_DIR), sends one attack, then reports the answer, whether the process
// survived, its peak RSS (VmHWM) and its RSS afterwards. Linux only (reads /proc).
// Run: npx tsx apps/api/bench/hostile-bodies.bench.ts [--max-old-space-size=N]
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { WebSocket } from "ws";
import { runBench, writeBenchResult } from "./_bench-kit";

const apiDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const TOKEN = "bench-hostile-token-0123456789";
const heapFlag = process.argv.find((a) => a.startsWith("--max-old-space-size="));

interface Started {
  child: ChildProcess;
  url: string;
  dataDir: string;
  exited: Promise<number | null>;
}

async function startApi(): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), "agents-crm-hostile-"));
  const env = {
    PATH: process.env.PATH ?? "",
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    ADMIN_TOKEN: TOKEN,
    RATE_LIMIT_PER_MINUTE: "1000000",
  };
  const args = [...(heapFlag ? [heapFlag] : []), "--import", "tsx", "src/main.ts"];
  const child = spawn(process.execPath, args, { cwd: apiDir, env });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    const check = () => {
      const match = /"url":"(http:\/\/localhost:\d+)"/.exec(output);
      if (match?.[1]) done(match[1].replace("localhost", "127.0.0.1"));
    };
    child.stdout.on("data", check);
    void exited.then((code) => fail(new Error(`API exited with ${code}:\n${output}`)));
  });
  return { child, url, dataDir, exited };
}

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb("VmRSS") / 1024), peakMb: Math.round(kb("VmHWM") / 1024) };
}

/** `{"json":[{},{},…]}` of about `bytes` bytes: the cheapest bytes that cost the most objects. */
function tinyObjects(bytes: number): string {
  return `{"json":[${"{},".repeat(Math.floor(bytes / 3) - 4)}{}]}`;
}

function documentUpload(bytes: number): string {
  const data = Buffer.alloc(bytes, "knowledge line\n").toString("base64");
  return JSON.stringify({
    json: { filename: "notes.txt", mimeType: "text/plain", dataBase64: data },
  });
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });
    const text = await res.text();
    return `${res.status} ${text.slice(0, 140)}`;
  } catch (error) {
    const cause = (error as Error).cause;
    return `no answer (${cause instanceof Error ? cause.message : (error as Error).message})`;
  }
}

async function wsFrame(wsUrl: string, frame: string): Promise<string> {
  return new Promise((done) => {
    const ws = new WebSocket(wsUrl);
    const timer = setTimeout(() => {
      ws.terminate();
      done("no answer in 20 s");
    }, 20_000);
    ws.on("open", () => ws.send(frame));
    ws.on("message", (data: Buffer) => {
      clearTimeout(timer);
      ws.close();
      done(`message ${data.toString().slice(0, 140)}`);
    });
    ws.on("close", (code) => {
      clearTimeout(timer);
      done(`closed ${code}`);
    });
    ws.on("error", (error) => {
      clearTimeout(timer);
      done(`error ${error.message}`);
    });
  });
}

const MB = 1024 * 1024;
const scenarios: { name: string; run: (url: string) => Promise<string> }[] = [
  {
    name: "anonymous 7 MB of {} to chat.start",
    run: (url) => post(`${url}/trpc/chat.start`, tinyObjects(7 * MB)),
  },
  {
    name: "anonymous 4 MB of {} to auth.login",
    run: (url) => post(`${url}/trpc/auth.login`, tinyObjects(4 * MB)),
  },
  {
    name: "anonymous 60 KB of {} to chat.send",
    run: (url) => post(`${url}/trpc/chat.send`, tinyObjects(60 * 1024)),
  },
  {
    name: "API token, 15 MB of {} to agents.extractDocument",
    run: (url) =>
      post(`${url}/trpc/agents.extractDocument`, tinyObjects(15 * MB - 64), {
        authorization: `Bearer ${TOKEN}`,
      }),
  },
  {
    name: "API token, a 10 MB document to agents.extractDocument",
    run: (url) =>
      post(`${url}/trpc/agents.extractDocument`, documentUpload(10 * MB - 1024), {
        authorization: `Bearer ${TOKEN}`,
      }),
  },
  {
    name: "anonymous WebSocket frame, 1 MB of {}",
    run: (url) =>
      wsFrame(
        `${url.replace("http", "ws")}/trpc`,
        `{"id":1,"method":"mutation","params":{"path":"chat.start","input":{"json":[${"{},".repeat(
          (MB - 200) / 3,
        )}{}]}}}`,
      ),
  },
  {
    name: "anonymous GET, 15 KB ?input= of {}",
    run: async (url) => {
      const input = encodeURIComponent(`{"json":[${"{},".repeat(5000)}{}]}`).slice(0, 15_000);
      const res = await fetch(`${url}/trpc/auth.me?input=${input}`).catch(() => null);
      return res ? `${res.status} ${(await res.text()).slice(0, 140)}` : "no answer";
    },
  },
];

async function main() {
  const rows: Record<string, unknown>[] = [];
  for (const scenario of scenarios) {
    const api = await startApi();
    const pid = api.child.pid ?? 0;
    const idle = memoryOf(pid);
    const answer = await scenario.run(api.url);
    const alive = await Promise.race([
      api.exited.then(() => false),
      fetch(`${api.url}/health`)
        .then((r) => r.status === 200)
        .catch(() => false),
    ]);
    const after = alive ? memoryOf(pid) : null;
    rows.push({
      scenario: scenario.name,
      answer: answer.slice(0, 90),
      alive,
      idleRssMb: idle.rssMb,
      peakRssMb: after?.peakMb ?? "-",
      rssAfterMb: after?.rssMb ?? "-",
    });
    api.child.kill("SIGKILL");
    await api.exited;
    rmSync(api.dataDir, { recursive: true, force: true });
  }
  console.table(rows);
  writeBenchResult("hostile-bodies", { heapFlag: heapFlag ?? null, rows });
}

runBench(main);
