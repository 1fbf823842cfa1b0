import { describe, expect, it } from "vitest";
import { changeFailure, validatePasswordChange } from "./password-rules";

const bad = (code: string, issues: { path: string; message: string }[] = [], extra = {}) => ({
  message: "refused",
  data: { code, issues, ...extra },
});

describe("validatePasswordChange", () => {
  it("accepts a long enough new password typed twice", () => {
    expect(
      validatePasswordChange({
        current: "old secret",
        next: "a new secret",
        confirm: "a new secret",
      }),
    ).toEqual({});
  });

  it("names each rule the form breaks", () => {
    expect(validatePasswordChange({ current: "", next: "short", confirm: "short" })).toEqual({
      current: "required",
      next: "tooShort",
    });
    expect(
      validatePasswordChange({
        current: "same secret",
        next: "same secret",
        confirm: "same secret",
      }),
    ).toEqual({ next: "sameAsCurrent" });
    expect(
      validatePasswordChange({ current: "old", next: "a new secret", confirm: "a new secreT" }),
    ).toEqual({ confirm: "mismatch" });
    expect(
      validatePasswordChange({ current: "old", next: "x".repeat(1025), confirm: "" }).next,
    ).toBe("tooLong");
  });
});

describe("changeFailure", () => {
  it("reads the API's answers", () => {
    expect(
      changeFailure(bad("BAD_REQUEST", [{ path: "currentPassword", message: "is not" }]), 0),
    ).toEqual({ kind: "wrongCurrent" });
    expect(
      changeFailure(
        bad("BAD_REQUEST", [{ path: "newPassword", message: "must be at least 10" }]),
        0,
      ),
    ).toEqual({ kind: "newPassword", problem: "tooShort" });
    expect(
      changeFailure(bad("BAD_REQUEST", [{ path: "newPassword", message: "must differ" }]), 0),
    ).toEqual({ kind: "newPassword", problem: "sameAsCurrent" });
    expect(changeFailure(bad("TOO_MANY_REQUESTS", [], { retryAfterSeconds: 90 }), 1000)).toEqual({
      kind: "throttled",
      retryAt: 91_000,
    });
    expect(changeFailure(bad("UNAUTHORIZED"), 0)).toEqual({ kind: "sessionLost" });
    expect(changeFailure(bad("INTERNAL_SERVER_ERROR"), 0)).toEqual({
      kind: "other",
      message: "refused",
    });
  });
});
