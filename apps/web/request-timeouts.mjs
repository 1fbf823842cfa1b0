// Slow clients must not hold the web server's connections (it is public too, and proxies /trpc and
// the webhooks to the API): the same limits and variable names as the API (packages/config/src/env.ts),
// read here because this server runs as plain Node, without the TypeScript packages. The limits
// themselves are applied by @agents-crm/config/request-timeouts, as on the API.

const DEFAULTS = {
  HTTP_HEADERS_TIMEOUT: 10,
  HTTP_BODY_IDLE_TIMEOUT: 10,
  HTTP_REQUEST_TIMEOUT: 120,
};

function seconds(env, name) {
  const raw = env[name]?.trim();
  if (!raw) return DEFAULTS[name];
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 3600) {
    throw new Error(`Invalid environment: ${name} must be a number of seconds, got "${raw}"`);
  }
  return value;
}

export function requestTimeoutsFrom(env) {
  return {
    headersMs: seconds(env, "HTTP_HEADERS_TIMEOUT") * 1000,
    bodyIdleMs: seconds(env, "HTTP_BODY_IDLE_TIMEOUT") * 1000,
    requestMs: seconds(env, "HTTP_REQUEST_TIMEOUT") * 1000,
  };
}
