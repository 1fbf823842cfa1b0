import type { ChannelBinding, TokenProblem } from "@agents-crm/db";
import type { ApiDeps } from "../../deps";
import { GraphApiError } from "../../platforms/graph-api-call";
import type { InstagramGraphApi } from "../../platforms/instagram-graph-api";
import { alertTokenProblem } from "./token-problem-alert";

const DAY_MS = 24 * 3600 * 1000;
const TOKEN_LIFE_MS = 60 * DAY_MS;
/** Meta refreshes only tokens at least 24 hours old. */
const MIN_TOKEN_AGE_MS = DAY_MS;
/** A 60-day token is refreshed once a month, so a week of failed attempts still leaves weeks to act. */
export const REFRESH_WHEN_LEFT_MS = 30 * DAY_MS;
/** Meta unreachable for a while is only logged, until this close to the expiry. */
const URGENT_WHEN_LEFT_MS = 3 * DAY_MS;
/** Graph's "invalid OAuth access token": revoked, expired, or the user changed their password. */
const INVALID_TOKEN_CODE = 190;

export type RefreshOutcome = "refreshed" | "not_due" | "failed" | "revoked" | "skipped";

/**
 * Due when Meta told us less than 30 days remain, or when we never learnt its life (bindings made
 * before refreshes existed) and the token is old enough. `updatedAt` is at or after the token was set,
 * so it errs on the late side. A revoked token waits for staff to paste a new one (which clears it).
 */
export function isRefreshDue(binding: ChannelBinding, now: Date): boolean {
  if (binding.tokenProblem?.kind === "revoked") return false;
  if (binding.tokenExpiresAt) {
    return Date.parse(binding.tokenExpiresAt) - now.getTime() <= REFRESH_WHEN_LEFT_MS;
  }
  return now.getTime() - Date.parse(binding.updatedAt) >= MIN_TOKEN_AGE_MS;
}

/** Known, or at the latest 60 days after the token was set (at or before `updatedAt`). */
const expiresAtOf = (binding: ChannelBinding) =>
  binding.tokenExpiresAt
    ? Date.parse(binding.tokenExpiresAt)
    : Date.parse(binding.updatedAt) + TOKEN_LIFE_MS;

function problemOf(error: unknown, now: Date): TokenProblem {
  const at = now.toISOString();
  if (error instanceof GraphApiError && error.code === INVALID_TOKEN_CODE) {
    return { kind: "revoked", message: error.description, at };
  }
  return { kind: "refresh_failed", message: error instanceof Error ? error.message : "failed", at };
}

/** Staff hear of a problem once: when it appears or changes kind, not on every sweep that repeats it. */
const isNews = (binding: ChannelBinding, problem: TokenProblem) =>
  binding.tokenProblem?.kind !== problem.kind;

/** One binding's refresh: the new token stored encrypted with its expiry, or the problem recorded. */
export async function refreshInstagramToken(
  deps: Pick<ApiDeps, "repos" | "hub" | "alerts" | "log">,
  api: Pick<InstagramGraphApi, "refreshToken">,
  binding: ChannelBinding,
  now: Date,
): Promise<RefreshOutcome> {
  const { repos, log } = deps;
  const token = await repos.channelBindings.getAccessToken(binding.bindingId);
  if (!token) return "skipped";
  try {
    const refreshed = await api.refreshToken(token);
    const expiresAt = new Date(now.getTime() + refreshed.expires_in * 1000).toISOString();
    const stored = await repos.channelBindings.storeRefreshedToken(binding.bindingId, {
      previousToken: token,
      accessToken: refreshed.access_token,
      expiresAt,
    });
    if (!stored) return "skipped";
    log.info("instagram token refreshed", { bindingId: binding.bindingId, expiresAt });
    return "refreshed";
  } catch (error) {
    const problem = problemOf(error, now);
    const left = expiresAtOf(binding) - now.getTime();
    log.warn("instagram token refresh failed", {
      bindingId: binding.bindingId,
      kind: problem.kind,
      error: problem.message,
    });
    const passing =
      error instanceof GraphApiError && error.isRetryable && left > URGENT_WHEN_LEFT_MS;
    if (passing) return "failed";
    await repos.channelBindings.recordTokenProblem(binding.bindingId, problem);
    if (isNews(binding, problem)) await alertTokenProblem(deps, binding, problem);
    return problem.kind === "revoked" ? "revoked" : "failed";
  }
}

/**
 * Refreshes every Instagram binding's long-lived token that is due (one sweep; the cluster job runs it
 * on one replica at a time). One binding's failure never stops the others.
 */
export async function refreshDueInstagramTokens(
  deps: Pick<ApiDeps, "repos" | "hub" | "alerts" | "log">,
  api: Pick<InstagramGraphApi, "refreshToken">,
  now = new Date(),
): Promise<Record<RefreshOutcome, number>> {
  const counts: Record<RefreshOutcome, number> = {
    refreshed: 0,
    not_due: 0,
    failed: 0,
    revoked: 0,
    skipped: 0,
  };
  const bindings = await deps.repos.channelBindings.listByChannel("instagram");
  for (const binding of bindings) {
    const outcome = isRefreshDue(binding, now)
      ? await refreshInstagramToken(deps, api, binding, now).catch((error: unknown) => {
          deps.log.error("instagram token refresh crashed", {
            bindingId: binding.bindingId,
            error,
          });
          return "failed" as const;
        })
      : "not_due";
    counts[outcome] += 1;
  }
  return counts;
}
