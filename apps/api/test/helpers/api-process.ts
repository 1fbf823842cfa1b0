import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from "node:child_process";
import { join } from "node:path";

export const apiDir = join(import.meta.dirname, "..", "..");

/** Node's arguments that start the API the way `npm start` does, after `nodeFlags` (e.g. a heap size). */
export const apiNodeArgs = (nodeFlags: string[] = []) => [
  ...nodeFlags,
  "--import",
  "tsx",
  "src/main.ts",
];

/** The argv that starts the API the way `npm start` does. */
export const apiArgv = [process.execPath, ...apiNodeArgs()];

/**
 * The environment of an API child process: PATH and nothing else from the shell (no OPENAI_API_KEY or
 * AWS credentials leak in), a free port on 127.0.0.1, then `env`.
 */
export function apiProcessEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? "", PORT: "0", HOST: "127.0.0.1", ...env };
}

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  alive: () => boolean;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export interface ApiProcessOptions {
  env: Record<string, string>;
  /** Wraps the argv, e.g. to run it inside a namespace. */
  command?: (argv: string[], cwd: string) => { file: string; args: string[] };
}

function spawnApi(options: ApiProcessOptions): ChildProcessWithoutNullStreams {
  const { file, args } = options.command?.(apiArgv, apiDir) ?? {
    file: apiArgv[0] ?? process.execPath,
    args: apiArgv.slice(1),
  };
  return spawn(file, args, {
    cwd: apiDir,
    env: apiProcessEnv(options.env),
  });
}

/** Starts the API as a child process and resolves once it prints its URL. */
export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const child = spawnApi(options);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), 30_000);
    child.stdout.on("data", () => {
      const match = /"url":"(http:\/\/localhost:\d+)"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code}:\n${output}`));
    });
  });
  // One answered request, so a test's first call never races the server's start-up.
  await fetch(`${url}/health`).then((res) => res.body?.cancel());
  return {
    child,
    url,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** Runs the API until it exits on its own (a refused start): its exit code and its stderr, trimmed. */
export async function failedStart(
  options: ApiProcessOptions,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawnApi(options);
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { code, stderr: stderr.trim() };
}

export interface TrpcResult {
  status: number;
  data: unknown;
  error: { message: string; code: string } | null;
}

/** One tRPC call over HTTP with superjson's envelope (plain JSON inputs only). */
export async function callTrpc(
  url: string,
  path: string,
  input: unknown,
  options: { token?: string; kind?: "query" | "mutation" } = {},
): Promise<TrpcResult> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const envelope = JSON.stringify({ json: input });
  const res =
    options.kind === "query"
      ? await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(envelope)}`, { headers })
      : await fetch(`${url}/trpc/${path}`, { method: "POST", headers, body: envelope });
  const body = (await res.json()) as {
    result?: { data?: { json?: unknown } };
    error?: { json?: { message: string; data?: { code?: string } } };
  };
  return {
    status: res.status,
    data: body.result?.data?.json,
    error: body.error?.json
      ? { message: body.error.json.message, code: body.error.json.data?.code ?? "" }
      : null,
  };
}

/**
 * The environment of an API process on its own database on disk that answers with the fake model:
 * demo data off, rate limit off, one model attempt per call; `env` adds to it.
 */
export function modelApiEnv(
  base: { dataDir: string; adminToken: string; llmUrl: string },
  env: Record<string, string> = {},
): Record<string, string> {
  return {
    DATA_DIR: base.dataDir,
    ADMIN_TOKEN: base.adminToken,
    SEED_DEMO: "false",
    RATE_LIMIT_PER_MINUTE: "1000000",
    OPENAI_API_KEY: "sk-test",
    OPENAI_BASE_URL: base.llmUrl,
    OPENAI_MAX_RETRIES: "0",
    ...env,
  };
}

/** A tRPC call with `token` that must succeed: its data, or an error naming the procedure. */
export async function trpcWith<T>(
  token: string,
  url: string,
  path: string,
  input: unknown,
  method: "GET" | "POST",
): Promise<T> {
  const result = await callTrpc(url, path, input, {
    token,
    kind: method === "GET" ? "query" : "mutation",
  });
  if (result.error) throw new Error(`${path} failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}
