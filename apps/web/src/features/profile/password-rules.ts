import { MAX_PASSWORD, MIN_PASSWORD } from "@agents-crm/config/staff";
import { apiIssues, errorCode, type ApiErrorLike } from "~/features/console/api-error";

export interface PasswordChange {
  current: string;
  next: string;
  confirm: string;
}

export type PasswordProblem = "required" | "tooShort" | "tooLong" | "mismatch" | "sameAsCurrent";

/** The shared password rules (packages/config/staff), checked before the form is sent. */
export function validatePasswordChange(
  input: PasswordChange,
): Partial<Record<keyof PasswordChange, PasswordProblem>> {
  const problems: Partial<Record<keyof PasswordChange, PasswordProblem>> = {};
  if (!input.current) problems.current = "required";
  if (input.next.length < MIN_PASSWORD) problems.next = "tooShort";
  else if (input.next.length > MAX_PASSWORD) problems.next = "tooLong";
  else if (input.next === input.current) problems.next = "sameAsCurrent";
  if (!problems.next && input.confirm !== input.next) problems.confirm = "mismatch";
  return problems;
}

export type ChangeFailure =
  | { kind: "wrongCurrent" }
  | { kind: "newPassword"; problem: PasswordProblem }
  /** Too many wrong current passwords: the same throttle as sign-in; `retryAt` in epoch ms. */
  | { kind: "throttled"; retryAt: number }
  | { kind: "sessionLost" }
  | { kind: "other"; message: string };

/** What a failed auth.changePassword means for the form, in words the page can translate. */
export function changeFailure(error: ApiErrorLike, nowMs: number): ChangeFailure {
  const code = errorCode(error);
  if (code === "UNAUTHORIZED") return { kind: "sessionLost" };
  if (code === "TOO_MANY_REQUESTS" || error.data?.httpStatus === 429) {
    const seconds = error.data?.retryAfterSeconds ?? 60;
    return { kind: "throttled", retryAt: nowMs + Math.max(1, seconds) * 1000 };
  }
  if (code === "BAD_REQUEST") {
    const issues = apiIssues(error);
    if (issues.some((issue) => issue.path === "currentPassword")) return { kind: "wrongCurrent" };
    const next = issues.find((issue) => issue.path === "newPassword");
    if (next) {
      const problem = /differ/i.test(next.message)
        ? "sameAsCurrent"
        : /at most/i.test(next.message)
          ? "tooLong"
          : "tooShort";
      return { kind: "newPassword", problem };
    }
  }
  return { kind: "other", message: error.message };
}
