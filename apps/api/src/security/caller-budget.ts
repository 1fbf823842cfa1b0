import type { Credentials } from "../auth/resolve-principal";
import { tokensMatch } from "../auth/machine-token";
import type { ApiDeps } from "../deps";
import type { RateDecision } from "./rate-limiter";
import { cachedSessionOwner, rememberSessionOwner } from "./session-owners";

/** Who is calling, as far as the rate limit cares: what the request carried and where it came from. */
export interface Caller {
  credentials: Credentials;
  ip: string;
}

interface Budget {
  key: string;
  limit: number;
}

type Deps = Pick<ApiDeps, "env" | "rateLimiter" | "repos">;

const addressBudget = (deps: Deps, ip: string): Budget => ({
  key: `address:${ip}`,
  limit: deps.env.RATE_LIMIT_PER_MINUTE,
});
const staffBudget = (deps: Deps, account: string): Budget => ({
  key: `staff:${account}`,
  limit: deps.env.RATE_LIMIT_STAFF_PER_MINUTE,
});

/** The budget known without I/O; undefined when a session cookie has to be looked up first. */
function knownBudget(deps: Deps, caller: Caller): Budget | undefined {
  const { bearer, sessionToken } = caller.credentials;
  const expected = deps.env.ADMIN_TOKEN;
  if (bearer && expected && tokensMatch(bearer, expected)) return staffBudget(deps, "machine");
  if (!sessionToken) return addressBudget(deps, caller.ip);
  const owner = cachedSessionOwner(sessionToken);
  if (owner === undefined) return undefined;
  return owner ? staffBudget(deps, owner) : addressBudget(deps, caller.ip);
}

const take = (deps: Deps, budget: Budget, cost: number) =>
  deps.rateLimiter.take(budget.key, cost, budget.limit);

/** For socket upgrades, which are answered synchronously: a session not seen lately counts on the address. */
export function chargeKnownCaller(deps: Deps, caller: Caller, cost = 1): RateDecision {
  return take(deps, knownBudget(deps, caller) ?? addressBudget(deps, caller.ip), cost);
}

/**
 * Charges `cost` calls to the caller's budget: signed-in staff and the machine token per account (a
 * clinic's staff share one office address), everyone else per address. A session not seen for a few
 * minutes is looked up once (one read); that read is charged to the address first, so made-up cookies
 * buy neither database reads nor fresh budgets.
 */
export async function chargeCaller(
  deps: Deps,
  caller: Caller,
  cost: number,
): Promise<RateDecision> {
  const known = knownBudget(deps, caller);
  if (known) return take(deps, known, cost);
  const address = addressBudget(deps, caller.ip);
  const lookup = take(deps, address, 1);
  if (!lookup.allowed) return lookup;
  const token = caller.credentials.sessionToken ?? "";
  const session = await deps.repos.sessions.getSession(token);
  rememberSessionOwner(token, session?.userId ?? null);
  return take(deps, session ? staffBudget(deps, session.userId) : address, cost);
}
