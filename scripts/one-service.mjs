#!/usr/bin/env node
// The one-service image's entry (the root Dockerfile): `npm start`'s topology in one container. The API
// (api/main.mjs, the bundled server) listens on loopback at API_PORT (8000) and the web server
// (web/apps/web/web-entry.mjs) on PORT, in front of it as under `npm start`: the browser, webhooks and
// the platform's health check use PORT only. Both are supervised like `npm start`'s (supervisor.mjs):
// a crash is restarted with back-off, a first start that fails — a configuration error, whose one-line
// reason the child printed — stops the container with exit 1, SIGTERM stops both.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { supervise } from "./supervisor.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT || 3000);
const apiPort = Number(process.env.API_PORT || 8000);
const supervisors = [];
let stopping = false;

const say = (line) => console.error(`[one-service] ${line}`);

function stop(code, reason = "") {
  if (stopping) return;
  stopping = true;
  if (reason) say(reason);
  const deadline = setTimeout(() => {
    for (const s of supervisors) s.child?.kill("SIGKILL");
    process.exit(code);
  }, 10_000);
  deadline.unref();
  void Promise.all(supervisors.map((s) => s.stop())).then(() => process.exit(code));
}

process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));

async function waitFor(url, what, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(3000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!stopping) throw new Error(`${what} did not answer at ${url}`);
}

function main() {
  if (port === apiPort)
    return stop(1, `PORT and API_PORT are both ${port}: the API listens on API_PORT behind PORT.`);
  const { NODE_OPTIONS = "" } = process.env;
  const apiEnv = {
    ...process.env,
    PORT: String(apiPort),
    // Only the web server in this container reaches the API, and it appends the client's address.
    HOST: "127.0.0.1",
    TRUST_PROXY: process.env.TRUST_PROXY || "loopback",
    // As the API image: V8's heap capped unless NODE_OPTIONS says otherwise.
    NODE_OPTIONS: /--max-old-space-size/.test(NODE_OPTIONS)
      ? NODE_OPTIONS
      : `${NODE_OPTIONS} --max-old-space-size=384`.trim(),
  };
  const webDir = join(here, "web/apps/web");
  const webEnv = {
    ...process.env,
    PORT: String(port),
    API_INTERNAL_URL: `http://127.0.0.1:${apiPort}`,
  };
  const onFatal = (reason, code) => stop(code, reason);
  const child = (args, cwd, env) => spawn(process.execPath, args, { cwd, env, stdio: "inherit" });

  const api = supervise({
    name: "api",
    start: () => child([join(here, "api/main.mjs")], here, apiEnv),
    onFatal,
    log: say,
  });
  supervisors.push(api);
  // Liveness, not readiness: the web server starts while the database is still unreachable, and the
  // platform's check of /health (readiness, through the web server) decides when traffic comes.
  return waitFor(`http://127.0.0.1:${apiPort}/health/live`, "the API").then(async () => {
    if (stopping) return;
    api.markStarted();
    const web = supervise({
      name: "web",
      start: () => child([join(webDir, "web-entry.mjs")], webDir, webEnv),
      onFatal,
      log: say,
    });
    supervisors.push(web);
    await waitFor(`http://127.0.0.1:${port}/health/web`, "the web server");
    if (stopping) return;
    web.markStarted();
    say(`ready: web on port ${port}, API on 127.0.0.1:${apiPort}`);
  });
}

Promise.resolve()
  .then(main)
  .catch((error) => stop(1, error instanceof Error ? error.message : String(error)));
