import type { Db } from "../client/db";
import { clampLimit } from "../lib/page";
import { parseItem } from "../lib/parse-item";
import type { Page, PageRequest } from "../lib/page";
import { keyAttributes, queryCount, queryPage } from "../lib/query";
import { adminUserSchema, emailSchema } from "../schemas/admin-user";
import type { AdminCredentials, AdminUser } from "../schemas/admin-user";
import { tableDefinition } from "../tables/definitions";
import type { RepositoryContext } from "./context";
import { ADMIN_LIST_PK, isUserItem } from "./admin-user-email-claims";
import type { EmailClaims } from "./admin-user-email-claims";

type Item = Record<string, unknown>;

const LIST_KEYS = keyAttributes(tableDefinition("adminUsers"), "list-index");

export const toUser = (item: Item): AdminUser =>
  parseItem(adminUserSchema, item, "admin user", String(item.user_id));

/** Admin accounts by id, by email, as a list and a count; `getCredentials` alone returns the hash. */
export function createAdminUserReads(
  db: Db,
  ctx: RepositoryContext,
  { getItem, getUserItemByEmail }: Pick<EmailClaims, "getItem" | "getUserItemByEmail">,
) {
  const TableName = db.tables.adminUsers;

  return {
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
  };
}
