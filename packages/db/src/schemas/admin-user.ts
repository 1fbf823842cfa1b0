import { adminRoleSchema, type AdminRole } from "@agents-crm/config/staff";
import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email());

/** What every read returns: never the password hash (see AdminCredentials for the login check). */
export const adminUserSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: adminRoleSchema,
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastLoginAt: z.string().optional(),
  version: z.number().int(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export interface AdminCredentials {
  userId: string;
  email: string;
  role: AdminRole;
  isActive: boolean;
  passwordHash: string;
}

export const createAdminUserInputSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1),
  role: adminRoleSchema,
  /** Already hashed by the caller (e.g. scrypt); the repository never sees a password. */
  passwordHash: z.string().min(1),
  isActive: z.boolean().optional(),
});
export type CreateAdminUserInput = z.input<typeof createAdminUserInputSchema>;

export const updateAdminUserInputSchema = z.object({
  name: z.string().trim().min(1).optional(),
  role: adminRoleSchema.optional(),
  isActive: z.boolean().optional(),
  passwordHash: z.string().min(1).optional(),
});
export type UpdateAdminUserInput = z.input<typeof updateAdminUserInputSchema>;
