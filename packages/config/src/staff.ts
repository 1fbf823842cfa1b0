import { z } from "zod";

/** The cookie that carries a staff session (the web server reads it only to route, never to trust). */
export const SESSION_COOKIE = "acrm_session";

export const ADMIN_ROLES = ["owner", "admin", "operator"] as const;
export const adminRoleSchema = z.enum(ADMIN_ROLES);
export type AdminRole = z.infer<typeof adminRoleSchema>;

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 1024;
export const MAX_STAFF_NAME = 200;
/** RFC 5321's longest address. */
export const MAX_EMAIL = 320;

/** A password staff set (creating an account or changing one). */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD, `must be at least ${MIN_PASSWORD} characters`)
  .max(MAX_PASSWORD, `must be at most ${MAX_PASSWORD} characters`);
export const staffNameSchema = z.string().trim().min(1).max(MAX_STAFF_NAME);

export const GENERATED_PASSWORD_LENGTH = 16;

// Without look-alikes (0/O, 1/l/I) so a password read aloud or copied by hand survives.
const PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/**
 * A random password meeting `passwordSchema`, from `random` bytes: crypto.getRandomValues in the
 * browser, randomFillSync on the server.
 */
export function generatePassword(
  random: (bytes: Uint8Array) => Uint8Array,
  length = GENERATED_PASSWORD_LENGTH,
): string {
  const out: string[] = [];
  // Rejection sampling: bytes past the last whole multiple of the alphabet would bias the first letters.
  const limit = 256 - (256 % PASSWORD_ALPHABET.length);
  while (out.length < length) {
    for (const byte of random(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) {
        out.push(PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length] ?? "");
      }
    }
  }
  return out.join("");
}
