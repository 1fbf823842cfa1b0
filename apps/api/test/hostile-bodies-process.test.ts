import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiDir, apiNodeArgs, apiProcessEnv } from "./helpers/api-process";
import { postJson, tinyObjects } from "./helpers/raw-http";

// Regression: one anonymous 7 MB body of `{}`s ran the API out of heap (4 MB did too with a 256 MB heap).
// The real process, started as `npm start` starts it, on a heap small enough that the old parsing cost
// (≈45 MB of heap per MB of body) cannot fit, gets every attack at once and must stay up.
const TOKEN = "hostile-process-token-0123456789";
const HEAP_MB = 192;
const MB = 1024 * 1024;

let dataDir = "";
let child: ChildProcess;
let url = "";
let exitCode: number | null | undefined;
let output = "";

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "agents-crm-hostile-"));
  child = spawn(process.execPath, apiNodeArgs([`--max-old-space-size=${HEAP_MB}`]), {
    cwd: apiDir,
    env: apiProcessEnv({ DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: "100000" }),
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.on("exit", (code) => (exitCode = code));
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), 60_000);
    child.stdout?.on("data", () => {
      const match = /"url":"http:\/\/localhost:(\d+)"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    });
    child.on("exit", (code) => reject(new Error(`API exited with ${code}:\n${output}`)));
  });
}, 90_000);

afterAll(async () => {
  if (exitCode === undefined) {
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

function hostileFrame(): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace("http", "ws")}/trpc`);
    ws.on("open", () =>
      ws.send(
        `{"id":1,"method":"mutation","params":{"path":"chat.start","input":${tinyObjects(MB - 200)}}}`,
      ),
    );
    ws.on("message", (data: Buffer) => {
      ws.close();
      resolve(data.toString());
    });
    ws.on("error", reject);
  });
}

describe(`the API process on a ${HEAP_MB} MB heap`, () => {
  it("survives hostile bodies sent all at once, answering each with a 4xx", async () => {
    const answers = await Promise.all([
      postJson(`${url}/trpc/chat.start`, tinyObjects(7 * MB)),
      postJson(`${url}/trpc/auth.login`, tinyObjects(7 * MB)),
      postJson(`${url}/trpc/chat.send`, tinyObjects(7 * MB)),
      postJson(`${url}/trpc/auth.login`, tinyObjects(4 * MB)),
      postJson(`${url}/trpc/agents.extractDocument`, tinyObjects(15 * MB - 64), {
        authorization: `Bearer ${TOKEN}`,
      }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([413, 413, 413, 413, 400]);
    expect(await hostileFrame()).toContain("Message has more than 10,000 JSON values");

    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect(exitCode, output).toBeUndefined();
  }, 60_000);
});
