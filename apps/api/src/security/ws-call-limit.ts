import type { Context } from "../context";
import { chargeCaller } from "./caller-budget";
import { requestLimited } from "./http-rate-limit";

/**
 * A WebSocket call spends from the same budget as an HTTP request (the account's for signed-in staff,
 * else the address's). Frames that are not calls (or a client ignoring these errors) are caught by the
 * socket's flood guard, which closes it.
 */
export async function enforceWsCallLimit(
  ctx: Pick<Context, "deps" | "transport" | "clientIp" | "credentials">,
): Promise<void> {
  if (ctx.transport !== "ws") return;
  const caller = { credentials: ctx.credentials, ip: ctx.clientIp };
  const decision = await chargeCaller(ctx.deps, caller, 1);
  if (!decision.allowed) throw requestLimited(decision.retryAfterMs);
}
