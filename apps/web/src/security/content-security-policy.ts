import type { PublicEnv } from "~/env";

export interface PolicyInput {
  /** A fresh random value per response: Next puts it on its own inline and bundle scripts. */
  nonce: string;
  /** `/embed/*`: the widget frames it on any business's site. */
  frameable: boolean;
  /** Where the browser calls the API in a two-service deployment (read per request). */
  env: PublicEnv;
  /** `next dev` evaluates code for hot reload and error overlays. */
  dev: boolean;
}

/** The API's HTTP and WebSocket origins when it is not this origin. */
function apiSources(env: PublicEnv): string[] {
  const sources = new Set<string>();
  if (env.apiUrl) {
    const api = new URL(env.apiUrl);
    sources.add(api.origin);
    sources.add(`${api.protocol === "https:" ? "wss:" : "ws:"}//${api.host}`);
  }
  if (env.wsUrl) {
    const ws = new URL(env.wsUrl);
    sources.add(`${ws.protocol}//${ws.host}`);
  }
  return [...sources];
}

/**
 * The pages' Content-Security-Policy. Scripts run only with this response's nonce ('strict-dynamic'
 * lets them load their chunks); styles may be inline (React's style attributes, Next's injected
 * styles), which cannot run code. Pictures may come from any https host: customer avatars live on
 * Meta's CDN. Nothing may frame the console (clickjacking); the chat's `/embed/*` frame is the widget.
 */
export function contentSecurityPolicy({ nonce, frameable, env, dev }: PolicyInput): string {
  const api = apiSources(env);
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    [
      "script-src",
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:", "https:", ...api.filter((s) => s.startsWith("http"))],
    ["media-src", "'self'", "blob:", ...api.filter((s) => s.startsWith("http"))],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...api],
    ["worker-src", "'self'", "blob:"],
    ["frame-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", frameable ? "*" : "'none'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}
