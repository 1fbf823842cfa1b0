import type { Repositories } from "@agents-crm/db";
import { chargeCounters } from "./counter-windows";
import { isKnownAddress } from "./login-throttle";

/**
 * Codes mailed per address asked for, in two pools: requests from client addresses the account has
 * signed in from before, and everyone else's together. A stranger (or a botnet) emptying the second
 * pool leaves the owner's usual devices their own, and the second pool refills within minutes; both
 * bound the mail one inbox gets, and with LOGIN_CODE_MAX_ATTEMPTS the guesses one account can take.
 * Per client address, an hourly limit over all the addresses it asks for. The counters are in the
 * shared key/value table, so they hold across replicas.
 */
export const LOGIN_CODE_THROTTLE = {
  perEmailFromKnown: 5,
  perEmailFromOthers: 2,
  emailWindowSeconds: 15 * 60,
  perIp: 20,
  ipWindowSeconds: 3600,
} as const;

const refusal = (retry: string) => `Too many sign-in codes requested. Try again in ${retry}.`;

/**
 * Counted before the address is looked up, whether or not it has an account, so the answer (and its
 * refusal) is the same for both.
 */
export async function chargeCodeRequest(
  kv: Repositories["kv"],
  request: { email: string; ip: string },
): Promise<void> {
  const account = request.email.trim().toLowerCase();
  const known = await isKnownAddress(kv, request);
  await chargeCounters(
    kv,
    [[`login-code-requests:ip:${request.ip}`, LOGIN_CODE_THROTTLE.perIp]],
    LOGIN_CODE_THROTTLE.ipWindowSeconds,
    refusal,
  );
  await chargeCounters(
    kv,
    [
      known
        ? [
            `login-code-requests:email:${account}|${request.ip}`,
            LOGIN_CODE_THROTTLE.perEmailFromKnown,
          ]
        : [`login-code-requests:email:${account}`, LOGIN_CODE_THROTTLE.perEmailFromOthers],
    ],
    LOGIN_CODE_THROTTLE.emailWindowSeconds,
    refusal,
  );
}
