import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { fileUrlPath } from "@agents-crm/config/attachments";

/**
 * Signed, expiring links to one file, for whoever cannot send our cookie or token: platforms that fetch
 * media by URL (Instagram, WhatsApp link sends) and the web chat's <img>/<a> tags. The signature is
 * HMAC-SHA256 over `fileId.exp` with a key derived from the server's secret (SECRET_ENCRYPTION_KEY, or the
 * key generated into DATA_DIR), so every replica signs and checks alike.
 */
export interface FileLinkSigner {
  /** `/files/<id>?exp=<epoch s>&sig=<base64url>`, relative to the API origin. */
  path(fileId: string, ttlSeconds: number, now?: Date): string;
  /** True when `sig` is this server's signature of `fileId` and `exp` has not passed. */
  verify(fileId: string, exp: string | null, sig: string | null, now?: Date): boolean;
}

/** A separate key per use: a file link's HMAC key is not the key that encrypts tokens at rest. */
export function deriveFileLinkKey(secret: Uint8Array): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), "agents-crm file links v1", 32));
}

const MAX_TTL_SECONDS = 7 * 24 * 3600;

export function createFileLinkSigner(key: Uint8Array): FileLinkSigner {
  const sign = (fileId: string, exp: number) =>
    createHmac("sha256", key).update(`${fileId}.${exp}`).digest("base64url");

  return {
    path(fileId, ttlSeconds, now = new Date()) {
      const ttl = Math.max(1, Math.min(MAX_TTL_SECONDS, Math.floor(ttlSeconds)));
      const exp = Math.floor(now.getTime() / 1000) + ttl;
      return `${fileUrlPath(fileId)}?exp=${exp}&sig=${sign(fileId, exp)}`;
    },
    verify(fileId, exp, sig, now = new Date()) {
      if (!exp || !sig || !/^\d{1,12}$/.test(exp) || !/^[\w-]{43}$/.test(sig)) return false;
      const expSeconds = Number(exp);
      if (expSeconds < Math.floor(now.getTime() / 1000)) return false;
      const expected = Buffer.from(sign(fileId, expSeconds));
      const given = Buffer.from(sig);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
