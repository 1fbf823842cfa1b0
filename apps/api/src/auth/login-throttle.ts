import type { Repositories } from "@agents-crm/db";
import { chargeCounters } from "./counter-windows";

/**
 * Password checks allowed per window: per account from one address, per address over all accounts,
 * and per account over all addresses (a spray from many addresses). An address the account has signed
 * in from before is exempt from the last limit, so a stranger cannot lock the account's owner out.
 */
export const LOGIN_THROTTLE = {
  perEmailAndIp: 5,
  perIp: 20,
  perAccount: 30,
  windowSeconds: 15 * 60,
  knownAddressSeconds: 90 * 24 * 3600,
} as const;

type Kv = Repositories["kv"];
export interface LoginAttempt {
  email: string;
  ip: string;
  /**
   * Wrong e-mailed codes are counted apart from wrong passwords (same limits): a stranger guessing
   * codes must not lock the owner out of password sign-in.
   */
  method?: "password" | "code";
}

function keysOf({ email, ip, method }: LoginAttempt) {
  const account = email.trim().toLowerCase();
  const failures = method === "code" ? "code-failures" : "login-failures";
  return {
    emailAndIp: `${failures}:email:${account}|${ip}`,
    ip: `${failures}:ip:${ip}`,
    account: `${failures}:account:${account}`,
    knownAddress: `login-known:${account}|${ip}`,
  };
}

/** An address this account has signed in from before (remembered for LOGIN_THROTTLE.knownAddressSeconds). */
export async function isKnownAddress(kv: Kv, attempt: LoginAttempt): Promise<boolean> {
  return (await kv.get(keysOf(attempt).knownAddress)) !== null;
}

/** The counters one attempt was charged to; a successful sign-in gives them back. */
export interface LoginReservation {
  attempt: LoginAttempt;
  charged: string[];
}

/**
 * Charges the attempt to every counter BEFORE the password is checked and lets the returned counts
 * decide: concurrent guesses each get their own number, so no more than the limit can ever reach
 * scrypt (a read-then-check gate let 40 simultaneous guesses through). A refused attempt checked no
 * password, so it gives its charges back; a blocked guesser learns nothing and costs no scrypt.
 * Counters live in the shared key/value table, so the limits hold across replicas.
 */
export async function reserveLoginAttempt(
  kv: Kv,
  attempt: LoginAttempt,
): Promise<LoginReservation> {
  const keys = keysOf(attempt);
  const known = await isKnownAddress(kv, attempt);
  const limits: [string, number][] = [
    [keys.emailAndIp, LOGIN_THROTTLE.perEmailAndIp],
    [keys.ip, LOGIN_THROTTLE.perIp],
  ];
  if (!known) limits.push([keys.account, LOGIN_THROTTLE.perAccount]);
  const charged = await chargeCounters(
    kv,
    limits,
    LOGIN_THROTTLE.windowSeconds,
    (retry) => `Too many failed sign-in attempts. Try again in ${retry}.`,
  );
  return { attempt, charged };
}

/**
 * A successful sign-in is no failure: the account's counter from this address is cleared, the others
 * get their charge back, and the address is remembered as one this account uses.
 */
export async function settleLoginSuccess(kv: Kv, reservation: LoginReservation): Promise<void> {
  const keys = keysOf(reservation.attempt);
  await Promise.all([
    kv.delete(keys.emailAndIp),
    ...reservation.charged.filter((key) => key !== keys.emailAndIp).map((key) => kv.decrement(key)),
    kv.set(keys.knownAddress, "1", LOGIN_THROTTLE.knownAddressSeconds),
  ]);
}
