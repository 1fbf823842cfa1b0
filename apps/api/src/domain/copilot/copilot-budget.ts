import { COPILOT_CALLS_PER_MINUTE } from "@agents-crm/config/copilot";
import { tooManyRequests } from "../errors";
import type { StaffContext } from "../conversations/staff-context";

/**
 * Each suggestion or translation is a model call paid by the clinic: on top of the general request
 * budget, one account gets COPILOT_CALLS_PER_MINUTE of them (a burst of that many, refilled per minute).
 */
export function chargeCopilotCall(ctx: StaffContext): void {
  const decision = ctx.deps.rateLimiter.take(
    `copilot:${ctx.principal.id}`,
    1,
    COPILOT_CALLS_PER_MINUTE,
  );
  if (!decision.allowed) {
    throw tooManyRequests(
      "Too many suggestions and translations; wait a moment",
      decision.retryAfterMs / 1000,
    );
  }
}
