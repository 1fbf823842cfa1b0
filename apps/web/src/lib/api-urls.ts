import type { PublicEnv } from "~/env";

/**
 * Relative URLs when the web server fronts the API (the default: it proxies /trpc, WebSocket upgrades
 * included); the configured API/WS URLs for a two-service deployment.
 */
export function apiUrls(env: PublicEnv, location: { protocol: string; host: string }) {
  const http = env.apiUrl ? `${env.apiUrl}/trpc` : "/trpc";
  const wsBase =
    env.wsUrl ??
    (env.apiUrl
      ? env.apiUrl.replace(/^http/, "ws")
      : `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}`);
  return { http, ws: `${wsBase}/trpc`, files: env.apiUrl ? `${env.apiUrl}/files` : "/files" };
}
