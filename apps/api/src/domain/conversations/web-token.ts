import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Conversation } from "@agents-crm/db";

/** 32 random bytes: the visitor's only key to a web chat conversation. Only its sha256 is stored. */
export function newWebToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashWebToken(token) };
}

export function hashWebToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time over the digests, so response timing says nothing about how much of a token matched. */
export function webTokenMatches(conversation: Conversation, token: string): boolean {
  const stored = conversation.webTokenHash;
  if (!stored || !/^[0-9a-f]{64}$/.test(stored)) return false;
  return timingSafeEqual(Buffer.from(stored, "hex"), Buffer.from(hashWebToken(token), "hex"));
}
