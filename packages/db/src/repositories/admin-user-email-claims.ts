import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { AlreadyExistsError, isConditionalCheckFailed } from "../lib/errors";
import type { RepositoryContext } from "./context";

type Item = Record<string, unknown>;

export const ADMIN_LIST_PK = "USER";
const EMAIL_PREFIX = "email#";
/**
 * A companion item whose owner does not (or no longer) carry its email is left over from a crash between
 * two writes. It is reclaimed only once older than this, so an in-flight create is never mistaken for one.
 */
const STALE_CLAIM_MS = 60_000;

const emailKey = (email: string) => `${EMAIL_PREFIX}${email}`;
export const isUserItem = (item: Item | undefined): item is Item => item?.list_pk === ADMIN_LIST_PK;

/**
 * Email uniqueness for admin users: a companion item `user_id = "email#<email>"` (no `list_pk`, so it
 * never shows in the user list) taken with a conditional put, so concurrent claims have one winner.
 */
export function createEmailClaims(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.adminUsers;

  const getItem = async (userId: string): Promise<Item | undefined> => {
    const out = await db.doc.send(
      new GetCommand({ TableName, Key: { user_id: userId }, ConsistentRead: true }),
    );
    return out.Item;
  };

  const getUserItemByEmail = async (email: string): Promise<Item | undefined> => {
    const claim = await getItem(emailKey(email));
    const owner =
      typeof claim?.owner_user_id === "string" ? await getItem(claim.owner_user_id) : undefined;
    return isUserItem(owner) && owner.email === email ? owner : undefined;
  };

  const isStaleClaim = async (claim: Item): Promise<boolean> => {
    const age = ctx.now().getTime() - Date.parse(String(claim.created_at));
    if (!(age > STALE_CLAIM_MS)) return false;
    const owner = await getItem(String(claim.owner_user_id));
    return !isUserItem(owner) || owner.email !== claim.email;
  };

  /** Takes the email for userId, or throws AlreadyExistsError; race-safe through the conditional put. */
  const claimEmail = async (email: string, userId: string): Promise<void> => {
    const Item = {
      user_id: emailKey(email),
      owner_user_id: userId,
      email,
      created_at: ctx.now().toISOString(),
    };
    try {
      await db.doc.send(
        new PutCommand({ TableName, Item, ConditionExpression: "attribute_not_exists(user_id)" }),
      );
      return;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
    const existing = await getItem(emailKey(email));
    if (existing && (await isStaleClaim(existing))) {
      try {
        await db.doc.send(
          new PutCommand({
            TableName,
            Item,
            ConditionExpression: "owner_user_id = :owner AND created_at = :created",
            ExpressionAttributeValues: {
              ":owner": existing.owner_user_id,
              ":created": existing.created_at,
            },
          }),
        );
        return;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
    }
    throw new AlreadyExistsError("admin user with email", email);
  };

  const releaseEmail = async (email: string, userId: string): Promise<void> => {
    try {
      await db.doc.send(
        new DeleteCommand({
          TableName,
          Key: { user_id: emailKey(email) },
          ConditionExpression: "owner_user_id = :owner",
          ExpressionAttributeValues: { ":owner": userId },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  };

  return { getItem, getUserItemByEmail, claimEmail, releaseEmail };
}

export type EmailClaims = ReturnType<typeof createEmailClaims>;
