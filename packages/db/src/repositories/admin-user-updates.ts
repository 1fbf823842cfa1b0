import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { NotFoundError, VersionConflictError, isConditionalCheckFailed } from "../lib/errors";
import { buildUpdate } from "../lib/update-expression";
import { updateAdminUserInputSchema } from "../schemas/admin-user";
import type { AdminUser, UpdateAdminUserInput } from "../schemas/admin-user";
import type { RepositoryContext } from "./context";
import { ADMIN_LIST_PK, isUserItem } from "./admin-user-email-claims";
import type { EmailClaims } from "./admin-user-email-claims";
import { toUser } from "./admin-user-reads";
import { versionCondition } from "./version-condition";

type Item = Record<string, unknown>;

/** Patches of an account under a version condition (profile, role, password, last sign-in). */
export function createAdminUserUpdates(
  db: Db,
  ctx: RepositoryContext,
  { getItem }: Pick<EmailClaims, "getItem">,
) {
  const TableName = db.tables.adminUsers;

  /** Turns a failed conditional write on a user into NotFound or VersionConflict. */
  const conflictError = async (userId: string, expectedVersion?: number): Promise<Error> =>
    isUserItem(await getItem(userId))
      ? new VersionConflictError("admin user", userId, expectedVersion)
      : new NotFoundError("admin user", userId);

  const versionedUpdate = async (
    userId: string,
    attributes: Item,
    expectedVersion: number | undefined,
    extraCondition?: { expression: string; values: Item },
  ): Promise<AdminUser> => {
    const version = versionCondition(expectedVersion);
    const parts = buildUpdate(
      { ...attributes, updated_at: ctx.now().toISOString() },
      {
        set: ["#v = if_not_exists(#v, :zero) + :one"],
        names: { "#v": "version", ...version.names },
        values: {
          ":zero": 0,
          ":one": 1,
          ":listPk": ADMIN_LIST_PK,
          ...extraCondition?.values,
          ...version.values,
        },
      },
    );
    const conditions = ["list_pk = :listPk", version.expression, extraCondition?.expression ?? ""];
    try {
      const out = await db.doc.send(
        new UpdateCommand({
          TableName,
          Key: { user_id: userId },
          ...parts,
          ConditionExpression: conditions.filter(Boolean).join(" AND "),
          ReturnValues: "ALL_NEW",
        }),
      );
      return toUser(out.Attributes ?? {});
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw await conflictError(userId, expectedVersion);
      throw error;
    }
  };

  return {
    versionedUpdate,

    async update(
      userId: string,
      patch: UpdateAdminUserInput,
      options: { expectedVersion?: number } = {},
    ): Promise<AdminUser> {
      const parsed = updateAdminUserInputSchema.parse(patch);
      return versionedUpdate(
        userId,
        {
          name: parsed.name,
          role: parsed.role,
          is_active: parsed.isActive,
          password_hash: parsed.passwordHash,
        },
        options.expectedVersion,
      );
    },

    async recordLogin(userId: string): Promise<AdminUser> {
      return versionedUpdate(userId, { last_login_at: ctx.now().toISOString() }, undefined);
    },
  };
}
