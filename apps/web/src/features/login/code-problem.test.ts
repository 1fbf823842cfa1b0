import { describe, expect, it } from "vitest";
import { MESSAGES } from "~/i18n/messages";
import { codeProblem } from "./code-problem";

const now = Date.parse("2026-01-01T12:00:00.000Z");
const en = MESSAGES.login.en.code;
const ru = MESSAGES.login.ru.code;

describe("codeProblem", () => {
  it("says e-mail cannot be used when the SMTP server is down or not set up", () => {
    for (const code of ["BAD_GATEWAY", "PRECONDITION_FAILED"]) {
      expect(codeProblem({ message: "x", data: { code } }, now)).toEqual({
        reason: "mailUnavailable",
        retryAt: null,
      });
    }
    expect(en.problems.mailUnavailable).toMatch(/sign in with your password/);
    expect(ru.problems.mailUnavailable).toMatch(/войдите по паролю/);
  });

  it("gives one answer for a wrong, used or expired code, and counts down when throttled", () => {
    expect(codeProblem({ message: "x", data: { code: "UNAUTHORIZED" } }, now).reason).toBe(
      "invalid",
    );
    expect(
      codeProblem(
        { message: "x", data: { code: "TOO_MANY_REQUESTS", retryAfterSeconds: 60 } },
        now,
      ),
    ).toEqual({ reason: "throttled", retryAt: now + 60_000 });
    expect(codeProblem({ message: "x", data: { code: "BAD_REQUEST" } }, now).reason).toBe(
      "missing",
    );
  });

  it("tells where the code went in both languages", () => {
    expect(en.sent("ann@clinic.test", 10)).toBe(
      "If ann@clinic.test has an account, a code is on its way. It works once, within 10 minutes.",
    );
    expect(ru.sent("ann@clinic.test", 10)).toContain("в течение 10 мин.");
  });
});
