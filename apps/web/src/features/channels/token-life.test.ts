import { describe, expect, it } from "vitest";
import { tokenLife, tokenNeedsAttention } from "./token-life";

const now = Date.parse("2026-12-06T12:00:00.000Z");
const inDays = (days: number) => new Date(now + days * 24 * 3600 * 1000).toISOString();

describe("token life", () => {
  it("counts the days a refreshed token has left", () => {
    const life = tokenLife({ tokenExpiresAt: inDays(42.5), tokenProblem: null }, now);
    expect(life).toMatchObject({ kind: "valid", daysLeft: 42, soon: false });
    expect(tokenNeedsAttention(life)).toBe(false);
  });

  it("flags a token within a week of expiry, an expired one and a failed refresh", () => {
    expect(tokenLife({ tokenExpiresAt: inDays(3), tokenProblem: null }, now)).toMatchObject({
      kind: "valid",
      soon: true,
    });
    expect(tokenLife({ tokenExpiresAt: inDays(-1), tokenProblem: null }, now).kind).toBe("expired");
    const failed = tokenLife(
      {
        tokenExpiresAt: inDays(20),
        tokenProblem: { kind: "refresh_failed", message: "(#10) no permission", at: inDays(0) },
      },
      now,
    );
    expect(failed).toMatchObject({ kind: "refresh_failed", expiresAt: inDays(20) });
    expect(tokenNeedsAttention(failed)).toBe(true);
  });

  it("puts a revoked token first, and knows nothing of a token never refreshed", () => {
    expect(
      tokenLife(
        {
          tokenExpiresAt: inDays(50),
          tokenProblem: { kind: "revoked", message: "code 190", at: inDays(0) },
        },
        now,
      ).kind,
    ).toBe("revoked");
    expect(tokenLife({ tokenExpiresAt: null, tokenProblem: null }, now).kind).toBe("unknown");
    expect(tokenLife(undefined, now).kind).toBe("unknown");
  });
});
