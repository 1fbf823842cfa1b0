import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer as createHttpServer, request as httpRequest, type Server } from "node:http";
import { connect, createServer as createNetServer, type Socket } from "node:net";
import { join } from "node:path";
import { apiDir, startApiProcess, type ApiProcess } from "./api-process";

// A cluster as an operator runs one: API processes started by their real entry point, one standalone
// DynamoDB-compatible endpoint (dynalite's own server, in its own process), `redis-server`, and a
// round-robin load balancer with no stickiness in front. Shared by the scale-out tests and benchmarks.

const repoRoot = join(apiDir, "..", "..");

export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || !address) throw new Error("no free port");
  return address.port;
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string): Promise<string> {
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${output}`));
    });
  });
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  await exited;
}

export interface DynamoEndpoint {
  /** `http://127.0.0.1:<port>`: DYNAMODB_ENDPOINT_URL. */
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * dynalite as a standalone server (its own CLI, in memory), the way one runs a DynamoDB-compatible
 * endpoint beside the API: no TTL API (UpdateTimeToLive is unknown to it), tables ACTIVE at once.
 */
export async function startDynaliteServer(): Promise<DynamoEndpoint> {
  const cli = createRequire(join(repoRoot, "package.json")).resolve("dynalite/cli.js");
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [cli, "--host", "127.0.0.1", "--port", String(port), "--createTableMs", "0"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  await waitForLine(child, /listening/i, "dynalite");
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

/** The variables that point the API (or a script) at `endpoint` (credentials it never checks). */
export function endpointEnv(endpoint: string): Record<string, string> {
  return {
    DYNAMODB_MODE: "endpoint",
    DYNAMODB_ENDPOINT_URL: endpoint,
    AWS_REGION: "eu-west-1",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
  };
}

/** `npm run db:provision` (its script, run as npm does) with `env`: exit code and output. */
export async function runProvision(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "packages/db/src/cli/provision.ts"], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { code, output };
}

export interface LoadBalancer {
  /** `http://127.0.0.1:<port>`: what clients call (HTTP and `ws://…/trpc`). */
  url: string;
  wsUrl: string;
  /** Which backend answered each request or socket, in order (`host:port`). */
  readonly routed: string[];
  /** Replaces the backends (e.g. after a replica died and its health check failed). */
  setTargets(targets: string[]): void;
  close(): Promise<void>;
}

/**
 * A round-robin HTTP and WebSocket load balancer without stickiness: every request and every socket goes
 * to the next backend in turn, whatever went before (no cookies, no client affinity). A backend that
 * refuses the connection is skipped for the next one, as a load balancer's health check would.
 */
export async function startRoundRobinProxy(initialTargets: string[]): Promise<LoadBalancer> {
  let targets = [...initialTargets];
  let next = 0;
  const routed: string[] = [];
  const sockets = new Set<Socket>();
  const pick = (skip: Set<string>): string | undefined => {
    for (let i = 0; i < targets.length; i++) {
      const target = targets[next++ % targets.length];
      if (target && !skip.has(target)) return target;
    }
    return undefined;
  };
  const hostPort = (target: string) => {
    const { hostname, port } = new URL(`http://${target}`);
    return { host: hostname, port: Number(port) };
  };

  const server: Server = createHttpServer((req, res) => {
    const body: Buffer[] = [];
    req.on("data", (chunk: Buffer) => body.push(chunk));
    req.on("end", () => forward(new Set()));
    function forward(tried: Set<string>) {
      const target = pick(tried);
      if (!target) {
        res.writeHead(502).end("no backend");
        return;
      }
      tried.add(target);
      const upstream = httpRequest(
        { ...hostPort(target), method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          routed.push(target);
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "ECONNREFUSED" && !res.headersSent) forward(tried);
        else if (!res.headersSent) res.writeHead(502).end("backend failed");
        else res.destroy();
      });
      upstream.end(Buffer.concat(body));
    }
  });

  server.on("upgrade", (req, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    const open = (tried: Set<string>) => {
      const target = pick(tried);
      if (!target) {
        client.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
        return;
      }
      tried.add(target);
      const upstream = connect(hostPort(target), () => {
        routed.push(target);
        const lines = [`${req.method} ${req.url} HTTP/1.1`];
        for (let i = 0; i < req.rawHeaders.length; i += 2)
          lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
        upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on("close", () => {
        sockets.delete(upstream);
        client.destroy();
      });
      upstream.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "ECONNREFUSED" && upstream.bytesWritten === 0) {
          upstream.removeAllListeners("close");
          sockets.delete(upstream);
          open(tried);
        } else client.destroy();
      });
    };
    open(new Set());
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/trpc`,
    routed,
    setTargets(list) {
      targets = [...list];
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ReplicaProcess extends ApiProcess {
  /** `127.0.0.1:<port>` */
  host: string;
  /** kill -9: no graceful stop, no lease released. */
  crash(): Promise<void>;
}

/** One API process (the real entry point, `src/main.ts`, as `npm start` runs it). */
export async function startReplicaProcess(env: Record<string, string>): Promise<ReplicaProcess> {
  const api = await startApiProcess({ env });
  return {
    ...api,
    host: new URL(api.url).host.replace("localhost", "127.0.0.1"),
    crash: () => stopChild(api.child, "SIGKILL"),
  };
}

/** `count` API processes on the same database, Redis and files, started one after another. */
export async function startReplicaProcesses(
  count: number,
  env: (index: number) => Record<string, string>,
): Promise<ReplicaProcess[]> {
  const started: ReplicaProcess[] = [];
  try {
    for (let i = 0; i < count; i++) started.push(await startReplicaProcess(env(i)));
  } catch (error) {
    await Promise.all(started.map((replica) => replica.stop()));
    throw error;
  }
  return started;
}
