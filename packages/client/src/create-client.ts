// The router's type only: `import type` is erased, so this package loads no server code at runtime
// (eslint forbids a value import of @agents-crm/api here, and test/no-server-code.test.ts proves the bundle).
import type { AppRouter } from "@agents-crm/api";
import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  splitLink,
  wsLink,
  type TRPCClient,
} from "@trpc/client";
import superjson from "superjson";
import { WebSocket } from "ws";

export type { AppRouter };
export type AgentsCrmClient = TRPCClient<AppRouter>;

export interface ClientOptions {
  /** The API's base URL (`http://localhost:8000`) or the web app's, which forwards `/trpc`. */
  url: string;
  /** The deployment's ADMIN_TOKEN: the client acts as an owner. */
  token: string;
  /** Extra headers on every HTTP call (a proxy's own credentials, say). */
  headers?: Record<string, string>;
  /** Reconnect delays of the live-events socket (default 1 s, 2 s, 4 s … up to 30 s). */
  retryDelayMs?: (attempt: number) => number;
}

export interface ConnectedClient {
  /** Queries and mutations over HTTP (batched); subscriptions over one WebSocket, opened on first use. */
  trpc: AgentsCrmClient;
  /** Closes the WebSocket (a script that subscribed exits only after this). */
  close(): Promise<void>;
}

/** `/trpc` endpoints of a deployment: http(s) for calls, ws(s) for live events. */
export function trpcUrls(url: string): { http: string; ws: string } {
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw new TypeError(`not a URL: ${JSON.stringify(url)} (expected e.g. http://localhost:8000)`);
  }
  if (base.protocol !== "http:" && base.protocol !== "https:") {
    throw new TypeError(`the API URL must be http(s), not ${base.protocol}`);
  }
  const path = `${base.pathname.replace(/\/+$/, "")}/trpc`;
  const http = new URL(path, base).toString();
  const ws = new URL(path, base);
  ws.protocol = base.protocol === "https:" ? "wss:" : "ws:";
  return { http, ws: ws.toString() };
}

const defaultRetryDelay = (attempt: number) => Math.min(30_000, 1_000 * 2 ** attempt);

/**
 * A typed client of a deployment for a machine caller. The token goes in the Authorization header over
 * HTTP and in `connectionParams.token` over the WebSocket (never in a URL, where proxies would log it).
 */
export function createAgentsCrmClient(options: ClientOptions): ConnectedClient {
  if (!options.token) throw new TypeError("a token (the deployment's ADMIN_TOKEN) is required");
  const urls = trpcUrls(options.url);
  const socket = createWSClient({
    url: urls.ws,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    connectionParams: { token: options.token },
    lazy: { enabled: true, closeMs: 0 },
    retryDelayMs: options.retryDelayMs ?? defaultRetryDelay,
  });
  const trpc = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: wsLink({ client: socket, transformer: superjson }),
        false: httpBatchLink({
          url: urls.http,
          transformer: superjson,
          headers: { ...options.headers, authorization: `Bearer ${options.token}` },
        }),
      }),
    ],
  });
  return { trpc, close: () => socket.close() };
}
