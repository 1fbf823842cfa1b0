import type { ServerEnv } from "@agents-crm/config/env";
import type { RequestTimeouts } from "@agents-crm/config/request-timeouts";

export type { RequestTimeouts };
export { cutIdleBodies, timeoutServerOptions } from "@agents-crm/config/request-timeouts";

export function requestTimeoutsOf(
  env: Pick<ServerEnv, "HTTP_HEADERS_TIMEOUT" | "HTTP_BODY_IDLE_TIMEOUT" | "HTTP_REQUEST_TIMEOUT">,
): RequestTimeouts {
  return {
    headersMs: env.HTTP_HEADERS_TIMEOUT * 1000,
    bodyIdleMs: env.HTTP_BODY_IDLE_TIMEOUT * 1000,
    requestMs: env.HTTP_REQUEST_TIMEOUT * 1000,
  };
}
