import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { toItemKeys } from "../lib/case";
import { parseItem } from "../lib/parse-item";
import { expiryAfterSeconds, isExpired } from "../lib/ttl";
import {
  instagramProfileSchema,
  putInstagramProfileInputSchema,
} from "../schemas/instagram-profile";
import type { InstagramProfile, PutInstagramProfileInput } from "../schemas/instagram-profile";
import type { RepositoryContext } from "./context";

/** Profile picture URLs are signed CDN links that expire, so profiles are refetched after 5 days. */
export const INSTAGRAM_PROFILE_TTL_SECONDS = 5 * 24 * 3600;

/** Cached Instagram user profiles (name, username, picture) keyed by IGSID; the reference's table. */
export function createInstagramProfilesRepository(db: Db, ctx: RepositoryContext) {
  const TableName = db.tables.instagramProfiles;

  return {
    /** Null when absent or past its `ttl` (DynamoDB may not have deleted it yet). */
    async get(externalUserId: string): Promise<InstagramProfile | null> {
      const out = await db.doc.send(
        new GetCommand({ TableName, Key: { external_user_id: externalUserId } }),
      );
      if (!out.Item || isExpired(out.Item, "ttl", ctx.now())) return null;
      return parseItem(instagramProfileSchema, out.Item, "instagram profile", externalUserId);
    },

    async put(input: PutInstagramProfileInput): Promise<InstagramProfile> {
      const parsed = putInstagramProfileInputSchema.parse(input);
      const now = ctx.now();
      const profile: InstagramProfile = {
        ...parsed,
        updatedAt: now.toISOString(),
        ttl: expiryAfterSeconds(now, INSTAGRAM_PROFILE_TTL_SECONDS),
      };
      await db.doc.send(new PutCommand({ TableName, Item: toItemKeys(profile) }));
      return profile;
    },
  };
}

export type InstagramProfilesRepository = ReturnType<typeof createInstagramProfilesRepository>;
