import type { BindingHealth } from "./types";

const DAY_MS = 24 * 3600 * 1000;
/** Refreshes start with 30 days left; under a week left means they have been failing for weeks. */
const SOON_MS = 7 * DAY_MS;

export type TokenLife =
  | { kind: "revoked"; message: string }
  | { kind: "refresh_failed"; message: string; expiresAt: string | null }
  | { kind: "expired"; expiresAt: string }
  | { kind: "valid"; expiresAt: string; daysLeft: number; soon: boolean }
  | { kind: "unknown" };

/** What the health row says about a channel's access token (Instagram's expire after 60 days). */
export function tokenLife(
  health: Pick<BindingHealth, "tokenExpiresAt" | "tokenProblem"> | undefined,
  now: number,
): TokenLife {
  const problem = health?.tokenProblem;
  const expiresAt = health?.tokenExpiresAt ?? null;
  if (problem?.kind === "revoked") return { kind: "revoked", message: problem.message };
  if (problem) return { kind: "refresh_failed", message: problem.message, expiresAt };
  if (!expiresAt) return { kind: "unknown" };
  const left = Date.parse(expiresAt) - now;
  if (left <= 0) return { kind: "expired", expiresAt };
  return { kind: "valid", expiresAt, daysLeft: Math.floor(left / DAY_MS), soon: left < SOON_MS };
}

/** A token that is revoked, expired, failing or about to expire makes the binding's badge an error. */
export const tokenNeedsAttention = (life: TokenLife) =>
  life.kind === "revoked" ||
  life.kind === "expired" ||
  life.kind === "refresh_failed" ||
  (life.kind === "valid" && life.soon);
