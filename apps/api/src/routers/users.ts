import type { TRPCRouterRecord } from "@trpc/server";
import { adminRoleSchema, passwordSchema, staffNameSchema } from "@agents-crm/config/staff";
import { z } from "zod";
import { resetPassword } from "../auth/reset-password";
import { createUser, deleteUser, updateUser } from "../auth/user-admin";
import { adminProcedure } from "../trpc";
import { idSchema } from "./input-schemas";

const password = passwordSchema;
const name = staffNameSchema;

export const usersRouter = {
  list: adminProcedure
    .input(
      z
        .object({
          cursor: z.string().nullish(),
          limit: z.number().int().min(1).max(200).default(50),
        })
        .default({ limit: 50 }),
    )
    .query(({ ctx, input }) =>
      ctx.deps.repos.adminUsers.list({ cursor: input.cursor, limit: input.limit }),
    ),

  create: adminProcedure
    .input(
      z.object({
        name,
        email: z.string().trim().toLowerCase().pipe(z.email()),
        role: adminRoleSchema,
        password,
      }),
    )
    .mutation(createUser),

  /** Name, role, active flag and password; a password change or deactivation signs the user out. */
  update: adminProcedure
    .input(
      z.object({
        userId: idSchema,
        name: name.optional(),
        role: adminRoleSchema.optional(),
        isActive: z.boolean().optional(),
        password: password.optional(),
        expectedVersion: z.number().int().positive().optional(),
      }),
    )
    .mutation(updateUser),

  /** A generated password, returned once; the account is signed out everywhere. */
  resetPassword: adminProcedure.input(z.object({ userId: idSchema })).mutation(resetPassword),

  delete: adminProcedure.input(z.object({ userId: idSchema })).mutation(deleteUser),
} satisfies TRPCRouterRecord;
