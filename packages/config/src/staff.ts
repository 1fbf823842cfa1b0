import { z } from "zod";

/** The cookie that carries a staff session (the web server reads it only to route, never to trust). */
export const SESSION_COOKIE = "acrm_session";

export const ADMIN_ROLES = ["owner", "admin", "operator"] as const;
export const adminRoleSchema = z.enum(ADMIN_ROLES);
export type AdminRole = z.infer<typeof adminRoleSchema>;

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 1024;
export const MAX_STAFF_NAME = 200;
/** RFC 5321's longest address. */
export const MAX_EMAIL = 320;

/** A password staff set (creating an account or changing one). */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD, `must be at least ${MIN_PASSWORD} characters`)
  .max(MAX_PASSWORD, `must be at most ${MAX_PASSWORD} characters`);
export const staffNameSchema = z.string().trim().min(1).max(MAX_STAFF_NAME);
