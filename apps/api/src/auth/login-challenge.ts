import { randomBytes } from "node:crypto";

/**
 * The browser that asked for a sign-in code: an HTTP-only cookie set with the request and needed with
 * the guess. A code is stored under the address AND this value, so only the browser that asked can use
 * it — a stranger asking for codes for someone's address gets codes of their own (mailed to the
 * owner, useless to them) and can neither replace nor burn the one the owner is typing in.
 */
export const LOGIN_CHALLENGE_COOKIE = "agents_crm_code_request";

const WELL_FORMED = /^[\w-]{24}$/;

/** The carried value when it is one of ours (a later request from the same browser keeps it). */
export const carriedChallenge = (value: string | null | undefined): string | null =>
  value && WELL_FORMED.test(value) ? value : null;

export const newChallenge = (): string => randomBytes(18).toString("base64url");

export function challengeCookie(
  value: string,
  options: { maxAgeSeconds: number; secure: boolean },
) {
  return [
    `${LOGIN_CHALLENGE_COOKIE}=${value}`,
    "Path=/",
    "HttpOnly",
    // Sent only with the sign-in page's own requests.
    "SameSite=Strict",
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}
