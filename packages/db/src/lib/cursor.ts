import { createHash } from "node:crypto";
import { z } from "zod";
import { InvalidCursorError } from "./errors";

export type CursorKey = Record<string, string | number>;

/**
 * `s` (scope) names the query a cursor belongs to (index + filters), so a cursor from one list can't be
 * replayed against another; `k` is the DynamoDB key to resume after.
 */
const payloadSchema = z.object({
  s: z.string(),
  k: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** Scopes may hold filter values: only a short digest goes into the cursor. */
function scopeDigest(scope: string): string {
  return createHash("sha256").update(scope).digest("base64url").slice(0, 12);
}

export function encodeCursor(scope: string, key: CursorKey): string {
  const payload = { s: scopeDigest(scope), k: key };
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

export function decodeCursor(
  cursor: string,
  scope: string,
  keyNames: readonly string[],
): CursorKey {
  if (cursor.length === 0 || cursor.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw new InvalidCursorError("not a cursor");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError("not a cursor");
  }
  const payload = payloadSchema.safeParse(parsed);
  if (!payload.success) throw new InvalidCursorError("malformed");
  if (payload.data.s !== scopeDigest(scope))
    throw new InvalidCursorError("belongs to a different list");
  const names = Object.keys(payload.data.k).sort();
  const expected = [...keyNames].sort();
  if (names.length !== expected.length || names.some((n, i) => n !== expected[i])) {
    throw new InvalidCursorError("belongs to a different list");
  }
  return payload.data.k;
}

/** Optional cursor → ExclusiveStartKey (undefined for the first page). */
export function startKeyFrom(
  cursor: string | null | undefined,
  scope: string,
  keyNames: readonly string[],
): CursorKey | undefined {
  return cursor ? decodeCursor(cursor, scope, keyNames) : undefined;
}
