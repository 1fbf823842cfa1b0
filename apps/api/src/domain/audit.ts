import type { AuditAction, AuditResourceType } from "@agents-crm/config/audit-actions";
import type { Staff } from "../auth/principal";
import type { Context } from "../context";
import { publishAdminTransient } from "./conversations/events";

export interface AuditInput {
  action: AuditAction;
  resourceType: AuditResourceType;
  resourceId: string;
  oldValue?: unknown;
  newValue?: unknown;
  metadata?: Record<string, unknown>;
}

/** Every admin action, attributed to the authenticated caller and the request that did it. */
export async function recordAudit(
  ctx: Pick<Context, "deps" | "requestId"> & { principal: Staff },
  input: AuditInput,
): Promise<void> {
  await ctx.deps.repos.audit.append({
    actorId: ctx.principal.id,
    actorName: ctx.principal.name,
    action: input.action,
    resourceType: input.resourceType,
    resourceId: input.resourceId,
    oldValue: input.oldValue,
    newValue: input.newValue,
    requestId: ctx.requestId,
    metadata: input.metadata,
  });
  // Only a hint for open audit logs: the action itself is done and recorded, so a failed hint is logged.
  await publishAdminTransient(ctx.deps.hub, {
    type: "audit.appended",
    payload: {
      action: input.action,
      resourceType: input.resourceType,
      resourceId: input.resourceId,
      actorId: ctx.principal.id,
    },
  }).catch((error: unknown) => ctx.deps.log.warn("audit hint not published", { error }));
}
