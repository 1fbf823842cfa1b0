import { z } from "zod";

export const auditEntrySchema = z.object({
  /** ULID: unique even for many entries on one resource in one second (the reference's id collided). */
  logId: z.string(),
  /** The authenticated user (stored as the reference's `admin_id`). */
  actorId: z.string(),
  actorName: z.string().optional(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string(),
  timestamp: z.string(),
  oldValue: z.unknown().optional(),
  newValue: z.unknown().optional(),
  requestId: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).default({}),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const appendAuditInputSchema = z.object({
  actorId: z.string().min(1),
  actorName: z.string().optional(),
  action: z.string().min(1),
  resourceType: z.string().min(1),
  resourceId: z.string().min(1),
  oldValue: z.unknown().optional(),
  newValue: z.unknown().optional(),
  requestId: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type AppendAuditInput = z.infer<typeof appendAuditInputSchema>;
