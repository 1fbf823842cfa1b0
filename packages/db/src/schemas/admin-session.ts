import { z } from "zod";

export const adminSessionSchema = z.object({
  /** sha256 of the token, hex: safe to show and to revoke by; the token itself is never stored. */
  sessionId: z.string(),
  userId: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** Epoch seconds. */
  expiresAt: z.number().int(),
  userAgent: z.string().optional(),
  ip: z.string().optional(),
});
export type AdminSession = z.infer<typeof adminSessionSchema>;

export interface SessionClientInfo {
  userAgent?: string;
  ip?: string;
}
