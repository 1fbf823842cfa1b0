import { DeleteCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { NotFoundError, VersionConflictError, isConditionalCheckFailed } from "../lib/errors";
import { clampLimit } from "../lib/page";
import { parseItem } from "../lib/parse-item";
import type { Page, PageRequest } from "../lib/page";
import { keyAttributes, queryCount, queryPage } from "../lib/query";
import { buildUpdate } from "../lib/update-expression";
import {
  adminUserSchema,
  createAdminUserInputSchema,
  emailSchema,
  updateAdminUserInputSchema,
} from "../schemas/admin-user";
import type {
  AdminCredentials,
  AdminUser,
  CreateAdminUserInput,
  UpdateAdminUserInput,
} from "../schemas/admin-user";
import { tableDefinition } from "../tables/definitions";
import type { RepositoryContext } from "./context";
import { ADMIN_LIST_PK, createEmailClaims, isUserItem } from "./admin-user-email-claims";
import { versionCondition } from "./version-condition";

type Item = Record<string, unknown>;

const LIST_KEYS = keyAttributes(tableDefinition("adminUsers"), "list-index");

const toUser = (item: Item): AdminUser =>
  parseItem(adminUserSchema, item, "admin user", String(item.user_id));

/**
 * Admin accounts. Email uniqueness rests on a companion item `user_id = "email#<email>"` written with a
 * conditional put (no transactions needed). Reads never include `password_hash`; `getCredentials` is
 * the one method for the login check.
 */
export function createAdminUsersRepository(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.adminUsers;

  const { getItem, getUserItemByEmail, claimEmail, releaseEmail } = createEmailClaims(db, ctx);

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

    async getById(userId: string): Promise<AdminUser | null> {
      const item = await getItem(userId);
      return isUserItem(item) ? toUser(item) : null;
    },

    async getByEmail(email: string): Promise<AdminUser | null> {
      const normalised = emailSchema.safeParse(email);
      if (!normalised.success) return null;
      const item = await getUserItemByEmail(normalised.data);
      return item ? toUser(item) : null;
    },

    /** For the login check only: the one read that returns the stored password hash. */
    async getCredentials(email: string): Promise<AdminCredentials | null> {
      const normalised = emailSchema.safeParse(email);
      if (!normalised.success) return null;
      const item = await getUserItemByEmail(normalised.data);
      if (!item) return null;
      const user = toUser(item);
      return {
        userId: user.userId,
        email: user.email,
        role: user.role,
        isActive: user.isActive,
        passwordHash: String(item.password_hash),
      };
    },

    /** Ordered by email; companion items carry no `list_pk`, so the sparse index never shows them. */
    async list(request: PageRequest = {}): Promise<Page<AdminUser>> {
      return queryPage(db, {
        input: {
          TableName,
          IndexName: "list-index",
          KeyConditionExpression: "list_pk = :pk",
          ExpressionAttributeValues: { ":pk": ADMIN_LIST_PK },
        },
        keys: LIST_KEYS,
        scope: "adminUsers:list",
        cursor: request.cursor,
        limit: clampLimit(request.limit),
        map: toUser,
        pageSize: ctx.queryPageSize,
      });
    },

    async count(options: { activeOnly?: boolean } = {}): Promise<number> {
      return queryCount(db, {
        TableName,
        IndexName: "list-index",
        KeyConditionExpression: "list_pk = :pk",
        ...(options.activeOnly
          ? {
              FilterExpression: "is_active = :true",
              ExpressionAttributeValues: { ":pk": ADMIN_LIST_PK, ":true": true },
            }
          : { ExpressionAttributeValues: { ":pk": ADMIN_LIST_PK } }),
      });
    },

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
