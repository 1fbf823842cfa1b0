import { DeleteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { NotFoundError } from "../lib/errors";
import { createAdminUserInputSchema, emailSchema } from "../schemas/admin-user";
import type { AdminUser, CreateAdminUserInput } from "../schemas/admin-user";
import type { RepositoryContext } from "./context";
import { ADMIN_LIST_PK, createEmailClaims, isUserItem } from "./admin-user-email-claims";
import { createAdminUserReads, toUser } from "./admin-user-reads";
import { createAdminUserUpdates } from "./admin-user-updates";

type Item = Record<string, unknown>;

/**
 * Admin accounts. Email uniqueness rests on a companion item `user_id = "email#<email>"` written with a
 * conditional put (no transactions needed). Reads never include `password_hash`; `getCredentials` is
 * the one method for the login check.
 */
export function createAdminUsersRepository(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.adminUsers;

  const claims = createEmailClaims(db, ctx);
  const { getItem, claimEmail, releaseEmail } = claims;
  const { versionedUpdate, ...updates } = createAdminUserUpdates(db, ctx, claims);

  return {
    ...createAdminUserReads(db, ctx, claims),
    ...updates,

    async create(input: CreateAdminUserInput): Promise<AdminUser> {
      const parsed = createAdminUserInputSchema.parse(input);
      const userId = ctx.ulid();
      const now = ctx.now().toISOString();
      await claimEmail(parsed.email, userId);
      const item: Item = {
        user_id: userId,
        email: parsed.email,
        name: parsed.name,
        role: parsed.role,
        password_hash: parsed.passwordHash,
        is_active: parsed.isActive ?? true,
        created_at: now,
        updated_at: now,
        version: 1,
        list_pk: ADMIN_LIST_PK,
      };
      try {
        await db.doc.send(
          new PutCommand({
            TableName,
            Item: item,
            ConditionExpression: "attribute_not_exists(user_id)",
          }),
        );
      } catch (error) {
        await releaseEmail(parsed.email, userId);
        throw error;
      }
      return toUser(item);
    },

    /**
     * Claims the new address first, then moves the user (conditional on its current email and version),
     * then releases the old one. A crash between steps leaves at worst a companion item that no user
     * carries, which the next claim of that email reclaims.
     */
    async changeEmail(
      userId: string,
      newEmail: string,
      options: { expectedVersion?: number } = {},
    ): Promise<AdminUser> {
      const email = emailSchema.parse(newEmail);
      const current = await getItem(userId);
      if (!isUserItem(current)) throw new NotFoundError("admin user", userId);
      const oldEmail = String(current.email);
      if (oldEmail === email) return toUser(current);
      await claimEmail(email, userId);
      let moved: AdminUser;
      try {
        moved = await versionedUpdate(userId, { email }, options.expectedVersion, {
          expression: "email = :oldEmail",
          values: { ":oldEmail": oldEmail },
        });
      } catch (error) {
        await releaseEmail(email, userId);
        throw error;
      }
      await releaseEmail(oldEmail, userId);
      return moved;
    },

    async delete(userId: string): Promise<void> {
      const item = await getItem(userId);
      if (!isUserItem(item)) return;
      await db.doc.send(new DeleteCommand({ TableName, Key: { user_id: userId } }));
      await releaseEmail(String(item.email), userId);
    },
  };
}

export type AdminUsersRepository = ReturnType<typeof createAdminUsersRepository>;
