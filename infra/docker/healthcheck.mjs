#!/usr/bin/env node
// The images' HEALTHCHECK: GET /health/live (liveness) on this container's PORT; exit 0 when it answers
// 200. Liveness, not readiness (/health): an unhealthy container gets restarted, and restarting every
// API task because the database is unreachable would not bring the database back.
// `--proxy` (the web image): the web server forwards /health/live to the API, so a 502 from its own
// proxy ("the API is not reachable") still proves the web server is up — restarting it would not help.
const port = process.env.PORT || process.argv.find((a) => /^\d+$/.test(a)) || "8000";
const throughProxy = process.argv.includes("--proxy");

try {
  const response = await fetch(`http://127.0.0.1:${port}/health/live`, {
    signal: AbortSignal.timeout(4000),
  });
  const body = await response.text();
  if (response.status === 200) process.exit(0);
  if (throughProxy && response.status === 502 && body.includes("BAD_GATEWAY")) {
    console.error("web is up; the API behind it is not reachable");
    process.exit(0);
  }
  console.error(`/health/live answered ${response.status}: ${body.slice(0, 200)}`);
} catch (error) {
  console.error(
    `/health/live did not answer: ${error instanceof Error ? error.message : String(error)}`,
  );
}
process.exit(1);
