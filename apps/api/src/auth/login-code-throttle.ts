import type { Repositories } from "@agents-crm/db";
import { chargeCounters } from "./counter-windows";

/**
 * Codes mailed per hour: per address (so nobody can flood a colleague's inbox, and at most
 * perEmail × LOGIN_CODE_MAX_ATTEMPTS guesses per hour reach an account) and per client address.
 */
export const LOGIN_CODE_THROTTLE = { perEmail: 5, perIp: 20, windowSeconds: 3600 } as const;

/**
 * Counted before the address is looked up, whether or not it has an account, so the answer (and its
 * refusal) is the same for both.
 */
export async function chargeCodeRequest(
  kv: Repositories["kv"],
  request: { email: string; ip: string },
): Promise<void> {
  await chargeCounters(
    kv,
    [
      [
        `login-code-requests:email:${request.email.trim().toLowerCase()}`,
        LOGIN_CODE_THROTTLE.perEmail,
      ],
      [`login-code-requests:ip:${request.ip}`, LOGIN_CODE_THROTTLE.perIp],
    ],
    LOGIN_CODE_THROTTLE.windowSeconds,
    (retry) => `Too many sign-in codes requested. Try again in ${retry}.`,
  );
}
