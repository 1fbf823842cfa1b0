import type { Server, ServerOptions } from "node:http";

export interface RequestTimeouts {
  headersMs: number;
  bodyIdleMs: number;
  requestMs: number;
}

export function timeoutServerOptions(timeouts: RequestTimeouts): ServerOptions;

export function cutIdleBodies(server: Server, timeouts: RequestTimeouts): void;
