import { describe, expect, it } from "vitest";
import { formatRetryIn, isUnauthorized, loginProblem } from "~/features/console/api-error";
import { MESSAGES } from "~/i18n/messages";

const en = MESSAGES.login.en;
const ru = MESSAGES.login.ru;

const now = Date.parse("2026-01-01T12:00:00.000Z");

describe("loginProblem", () => {
  it("says the credentials are wrong without telling which", () => {
    expect(
      loginProblem({ message: "Invalid email or password", data: { code: "UNAUTHORIZED" } }, now),
    ).toEqual({ reason: "invalid", retryAt: null });
    expect(en.problems.invalid).toBe("Invalid email or password.");
  });

  it("turns throttling into a retry time", () => {
    const problem = loginProblem(
      { message: "Too many", data: { code: "TOO_MANY_REQUESTS", retryAfterSeconds: 899 } },
      now,
    );
    expect(problem.retryAt).toBe(now + 899_000);
    expect(problem.reason).toBe("throttled");
    expect(formatRetryIn(problem.retryAt ?? 0, now, en)).toBe("Try again in 14:59.");
    expect(formatRetryIn(problem.retryAt ?? 0, now + 870_000, en)).toBe("Try again in 29 s.");
    expect(formatRetryIn(problem.retryAt ?? 0, now, ru)).toBe("Повторите через 14:59.");
  });

  it("treats a bare HTTP 429 from the rate limit as throttling too", () => {
    const problem = loginProblem({ message: "", data: { httpStatus: 429 } }, now);
    expect(problem.retryAt).toBe(now + 60_000);
  });

  it("has a plain message for anything else", () => {
    expect(loginProblem({ message: "fetch failed" }, now).reason).toBe("unavailable");
    expect(loginProblem({ message: "", data: { code: "BAD_REQUEST" } }, now).reason).toBe(
      "missing",
    );
  });
});

describe("isUnauthorized", () => {
  it("reads the tRPC error code", () => {
    expect(isUnauthorized({ message: "x", data: { code: "UNAUTHORIZED" } })).toBe(true);
    expect(isUnauthorized({ message: "x", data: { code: "FORBIDDEN" } })).toBe(false);
    expect(isUnauthorized(new Error("x"))).toBe(false);
    expect(isUnauthorized(null)).toBe(false);
  });
});
