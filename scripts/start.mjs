#!/usr/bin/env node
// `npm start`: the whole product on embedded defaults — the API (embedded DynamoDB, offline LLM unless a
// key is set) on $PORT (8000) and the web app on $WEB_PORT (3000). `npm run dev` does the same with
// hot reload; `--api-only` starts just the API. The web app is built on first start and rebuilt when
// its sources change. A process that crashes is restarted with back-off (scripts/supervisor.mjs).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkThisNode } from "./node-support.mjs";
import { supervise } from "./supervisor.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const apiOnly = process.argv.includes("--api-only");
const apiPort = Number(process.env.PORT || 8000);
const webPort = Number(process.env.WEB_PORT || 3000);
const webDir = join(root, "apps/web");
const nextBin = join(root, "node_modules/next/dist/bin/next");
/** Supervised processes (the API, the web server) and one-off ones (the web build). */
const supervisors = [];
const oneOffs = new Set();
// No calls home from a self-hosted product (and no network to call on in CI).
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
let stopping = false;

const say = (line) => console.error(`[start] ${line}`);

function node(args, options) {
  return spawn(process.execPath, args, { cwd: root, stdio: "inherit", ...options });
}

function stop(code = 0, reason = "") {
  if (stopping) return;
  stopping = true;
  if (reason) say(reason);
  const exits = supervisors.map((s) => s.stop());
  for (const child of oneOffs) child.kill("SIGTERM");
  const deadline = setTimeout(() => {
    for (const s of supervisors) s.child?.kill("SIGKILL");
    for (const child of oneOffs) child.kill("SIGKILL");
    process.exit(code);
  }, 8000);
  deadline.unref();
  const wait = setInterval(() => {
    if (oneOffs.size === 0) {
      clearInterval(wait);
      void Promise.all(exits).then(() => process.exit(code));
    }
  }, 100);
}

process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === ".next") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function webBuildIsCurrent() {
  const buildId = join(webDir, ".next/BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  const sources = [
    join(webDir, "src"),
    join(webDir, "public"),
    join(webDir, "next.config.ts"),
    join(webDir, "package.json"),
    join(root, "packages/config/src"),
  ];
  return sources.every((source) => newestMtime(source) <= built);
}

function buildWeb() {
  return new Promise((resolve, reject) => {
    console.log("[start] building the web app (first start or changed sources)…");
    const child = node([nextBin, "build"], { cwd: webDir });
    oneOffs.add(child);
    child.on("exit", (code) => {
      oneOffs.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`web build failed (exit ${code})`));
    });
  });
}

async function waitFor(url, what, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not answer at ${url}`);
}

async function main() {
  const started = Date.now();
  const nodeCheck = checkThisNode(root);
  if (nodeCheck.message) say(nodeCheck.message);
  if (!nodeCheck.ok) return stop(1);
  const apiEnv = { ...process.env, PORT: String(apiPort) };
  if (!apiEnv.CORS_ORIGINS) apiEnv.CORS_ORIGINS = `http://localhost:${webPort}`;
  // Browsers reach the API through the web server, which appends the real client to X-Forwarded-For.
  // Trusting that proxy (on loopback) gives every visitor their own rate limit; a client reaching the
  // API directly (HOST changed) is not on loopback, so its forged header is ignored.
  apiEnv.TRUST_PROXY ||= "loopback";
  apiEnv.HOST ||= "127.0.0.1";
  // V8 grows the heap lazily while memory is plentiful: 2,000 live sockets held 460 MB of mostly
  // garbage uncapped and 267 MB capped at 384 MB. NODE_OPTIONS with its own limit wins.
  if (!/--max-old-space-size/.test(process.env.NODE_OPTIONS ?? "")) {
    apiEnv.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=384`.trim();
  }
  const webEnv = {
    ...process.env,
    PORT: String(webPort),
    API_INTERNAL_URL: process.env.API_INTERNAL_URL || `http://127.0.0.1:${apiPort}`,
  };

  const buildNeeded = !apiOnly && !dev && !webBuildIsCurrent();
  const building = buildNeeded ? buildWeb() : Promise.resolve();
  const onFatal = (reason, code) => stop(code, reason);
  const api = supervise({
    name: "api",
    start: () =>
      node(["--import", "tsx", ...(dev ? ["--watch"] : []), "apps/api/src/main.ts"], {
        env: apiEnv,
      }),
    onFatal,
    log: say,
  });
  supervisors.push(api);
  await Promise.all([
    building,
    waitFor(`http://127.0.0.1:${apiPort}/health`, "the API").then(() => api.markStarted()),
  ]);
  if (!apiOnly) {
    const web = supervise({
      name: "web",
      start: () =>
        node([join(webDir, "server.mjs"), ...(dev ? ["--dev"] : [])], { cwd: webDir, env: webEnv }),
      onFatal,
      log: say,
    });
    supervisors.push(web);
    await waitFor(`http://127.0.0.1:${webPort}/`, "the web app");
    web.markStarted();
  }
  const urls = apiOnly
    ? `api http://localhost:${apiPort}`
    : `web http://localhost:${webPort}  api http://localhost:${apiPort}`;
  console.log(`\n[start] ready in ${((Date.now() - started) / 1000).toFixed(1)} s — ${urls}\n`);
}

main().catch((error) => {
  // After a fatal exit the supervisor has already said why; the wait that ended is no news.
  if (!stopping) stop(1, error.message);
});
