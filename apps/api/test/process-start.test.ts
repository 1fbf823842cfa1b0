import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const apiDir = join(import.meta.dirname, "..");
let dataDir = "";

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts the API the way `npm start` does, on a free port, with nothing but DATA_DIR set. */
async function startApi(extraEnv: Record<string, string> = {}): Promise<Started> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    ...extraEnv,
  };
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: apiDir, env });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), 30_000);
    const check = () => {
      const match = /"url":"(http:\/\/localhost:\d+)"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code}:\n${output}`));
    });
  });
  return { child, url, output: () => output };
}

async function stopApi(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) =>
    started.child.on("exit", (code) => resolve(code)),
  );
  started.child.kill("SIGTERM");
  return exited;
}

async function agentCards(url: string) {
  const res = await fetch(`${url}/trpc/agents.cards`);
  const body = (await res.json()) as {
    result: { data: { json: { items: { agentId: string }[] } } };
  };
  return body.result.data.json.items.map((c) => c.agentId);
}

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("starting the API process", () => {
  it("seeds on first start, prints the login, and finds the same data on the next start", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "agents-crm-start-"));

    const first = await startApi();
    const login = /Admin login: (\S+) \/ (\S+)/.exec(first.output());
    expect(login?.[1]).toBe("admin@agents-crm.local");
    // With no key the output says the offline model answers, and how to configure a real one.
    expect(first.output()).toContain("Model: offline model (no LLM configured)");
    expect(first.output()).toMatch(/To answer with an LLM set OPENAI_API_KEY/);
    expect(await agentCards(first.url)).toContain("demo_clinic");
    expect(await stopApi(first)).toBe(0);
    expect((await stat(join(dataDir, "initial-admin.json"))).mode & 0o777).toBe(0o600);

    // The password is printed once: later starts (whose output ends up in log files) name the file.
    const second = await startApi();
    expect(second.output()).not.toContain(login?.[2]);
    expect(second.output()).not.toMatch(/Admin login: (\S+) \/ (\S+)/);
    expect(second.output()).toContain(
      `Admin login: admin@agents-crm.local (generated password in ${join(dataDir, "initial-admin.json")} until you change it)`,
    );
    expect(second.output()).not.toContain("demo agent seeded");
    expect(await agentCards(second.url)).toEqual(["demo_clinic"]);
    expect(await stopApi(second)).toBe(0);
  }, 90_000);

  it("fails with one line naming the variable when the environment is wrong", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: apiDir,
      env: { PATH: process.env.PATH ?? "", PORT: "not-a-port" },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('Invalid environment: PORT must be a number, got "not-a-port"');
  }, 30_000);

  it("refuses to run production with an open admin API", async () => {
    dataDir ||= await mkdtemp(join(tmpdir(), "agents-crm-start-"));
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: apiDir,
      env: {
        PATH: process.env.PATH ?? "",
        PORT: "0",
        DATA_DIR: join(dataDir, "prod"),
        ENVIRONMENT: "production",
        APP_URL: "https://crm.example.com",
        SECRET_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^Refusing to start in production with an open admin API/);
  }, 30_000);

  it("refuses production that allows unsigned webhooks, in one line naming the variable", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: apiDir,
      env: {
        PATH: process.env.PATH ?? "",
        PORT: "0",
        ENVIRONMENT: "production",
        APP_URL: "https://crm.example.com",
        SECRET_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
        ADMIN_TOKEN: "a".repeat(32),
        ALLOW_UNSIGNED_WEBHOOKS: "true",
      },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(
      /^Invalid environment: ALLOW_UNSIGNED_WEBHOOKS is development-only \(anyone could post messages as Meta or Telegram\)[^\n]*$/,
    );
  }, 30_000);
});
