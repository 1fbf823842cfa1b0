import { EnvError } from "@agents-crm/config/env";
import { readEnv } from "./env";
import { createLogger } from "./logger";
import { createApiServer } from "./server/http-server";
import { startServices } from "./bootstrap/services";
import { StartupError } from "./bootstrap/startup-error";
import { printBanner } from "./bootstrap/banner";
import { startMetricsServer } from "./observability/metrics-server";

async function main() {
  // Everything the API writes (its database, keys, the initial login) is its user's alone.
  process.umask(0o077);
  const env = readEnv();
  const log = createLogger({
    json: env.ENVIRONMENT === "production",
    level: env.DEBUG ? "debug" : "info",
    base: { service: "api" },
  });
  const services = await startServices(env, log);
  const api = createApiServer(services.deps);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    const deadline = Date.now() + env.SHUTDOWN_TIMEOUT * 1000;
    // Answers to requests whose turns run until the deadline still go out; then connections are cut.
    Promise.all([services.drain(deadline), api.close({ timeoutMs: deadline - Date.now() + 1_000 })])
      .then(() => services.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log.error("shutdown failed", { error });
        process.exit(1);
      });
  };
  // Installed before the port opens, so a stop right after "API listening" is still graceful.
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  const port = await api.listen(env.PORT, env.HOST);
  if (env.METRICS_PORT > 0) {
    const metrics = await startMetricsServer(services.deps);
    metrics.server.unref();
    log.info("metrics listening", { port: metrics.port, path: "/metrics" });
  }
  printBanner({ env, port, initialAdmin: services.initialAdmin, llm: services.deps.llm, log });
}

main().catch((error: unknown) => {
  // Problems the operator fixes (a variable, DATA_DIR, missing tables) are one line naming what is wrong;
  // anything else keeps its stack for debugging.
  if (error instanceof EnvError || error instanceof StartupError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
