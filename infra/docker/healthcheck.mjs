#!/usr/bin/env node
// The images' HEALTHCHECK: GET a health path (default /health/live, the API's liveness) on this
// container's PORT; exit 0 when it answers 200. Liveness, not readiness (/health): an unhealthy container
// gets restarted, and restarting every API task because the database is unreachable would not bring the
// database back. The web image probes its own /health/web, never the API behind it.
// Usage: node healthcheck.mjs [/path] [port]
const port = process.env.PORT || process.argv.find((a) => /^\d+$/.test(a)) || "8000";
const path = process.argv.find((a) => a.startsWith("/health")) ?? "/health/live";

try {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    signal: AbortSignal.timeout(4000),
  });
  const body = await response.text();
  if (response.status === 200) process.exit(0);
  console.error(`${path} answered ${response.status}: ${body.slice(0, 200)}`);
} catch (error) {
  console.error(
    `${path} did not answer: ${error instanceof Error ? error.message : String(error)}`,
  );
}
process.exit(1);
