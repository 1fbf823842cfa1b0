import type { Repositories } from "@agents-crm/db";
import { tooManyRequests } from "../trpc-errors";

/** Failed sign-ins allowed per window: per account from one address, and per address overall. */
export const LOGIN_THROTTLE = { perEmailAndIp: 5, perIp: 20, windowSeconds: 15 * 60 } as const;

type Kv = Repositories["kv"];
export interface LoginAttempt {
  email: string;
  ip: string;
}

const emailKey = ({ email, ip }: LoginAttempt) =>
  `login-failures:email:${email.trim().toLowerCase()}|${ip}`;
const ipKey = ({ ip }: LoginAttempt) => `login-failures:ip:${ip}`;

const count = async (kv: Kv, key: string) => Number((await kv.get(key)) ?? 0);

/**
 * Refuses before the password is even checked, so a blocked guesser learns nothing and costs no scrypt.
 * Counters live in the shared key/value table, so the limit holds across replicas.
 */
export async function assertLoginAllowed(kv: Kv, attempt: LoginAttempt): Promise<void> {
  const [byEmail, byIp] = await Promise.all([
    count(kv, emailKey(attempt)),
    count(kv, ipKey(attempt)),
  ]);
  const blocked =
    byIp >= LOGIN_THROTTLE.perIp
      ? ipKey(attempt)
      : byEmail >= LOGIN_THROTTLE.perEmailAndIp
        ? emailKey(attempt)
        : null;
  if (!blocked) return;
  // Adding 0 reads the running window's expiry without extending it.
  const window = await kv.increment(blocked, { ttlSeconds: LOGIN_THROTTLE.windowSeconds, by: 0 });
  const retryAfterSeconds = Math.max(1, window.expiresAt - Math.floor(Date.now() / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  throw tooManyRequests(
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    retryAfterSeconds,
  );
}

export async function recordLoginFailure(kv: Kv, attempt: LoginAttempt): Promise<void> {
  const options = { ttlSeconds: LOGIN_THROTTLE.windowSeconds };
  await Promise.all([
    kv.increment(emailKey(attempt), options),
    kv.increment(ipKey(attempt), options),
  ]);
}

/** A successful sign-in clears that account's counter; the address's stays (it may be guessing many). */
export async function clearLoginFailures(kv: Kv, attempt: LoginAttempt): Promise<void> {
  await kv.delete(emailKey(attempt));
}
