import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLoginCodesRepository } from "../src/repositories/login-codes";
import { repositoryContext } from "../src/repositories/context";
import { SecretKeyMissingError } from "../src/repositories/secrets";
import { scanText, startEdgeTestDb } from "./support/edge-db";
import type { EdgeTestDb } from "./support/edge-db";

let t: EdgeTestDb;
beforeAll(async () => {
  t = await startEdgeTestDb();
});
afterAll(() => t.close());

const BROWSER = "browser-challenge-1";
const options = { ttlSeconds: 600, maxAttempts: 3, challenge: BROWSER };

describe("one-time sign-in codes", () => {
  it("stores neither the code nor the address in plain, and a right code works once", async () => {
    const codes = t.repos.loginCodes;
    await codes.issue("Ann@Clinic.test", "493817", options);
    const rows = await scanText(t, t.db.tables.sessions);
    expect(rows).not.toContain("493817");
    expect(rows.toLowerCase()).not.toContain("ann@clinic.test");

    expect(await codes.redeem("ann@clinic.test", "493817", BROWSER)).toEqual({ outcome: "ok" });
    expect(await codes.redeem("ann@clinic.test", "493817", BROWSER)).toEqual({ outcome: "absent" });
  });

  it("of two uses of one code at once, exactly one signs in", async () => {
    const codes = t.repos.loginCodes;
    await codes.issue("race@clinic.test", "111222", options);
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => codes.redeem("race@clinic.test", "111222", BROWSER)),
    );
    expect(outcomes.filter((o) => o.outcome === "ok")).toHaveLength(1);
  });

  it("counts wrong guesses and burns the code on the last one", async () => {
    const codes = t.repos.loginCodes;
    await codes.issue("bob@clinic.test", "555000", options);
    expect(await codes.redeem("bob@clinic.test", "000001", BROWSER)).toEqual({
      outcome: "wrong",
      attemptsLeft: 2,
    });
    expect(await codes.redeem("bob@clinic.test", "000002", BROWSER)).toEqual({
      outcome: "wrong",
      attemptsLeft: 1,
    });
    expect(await codes.redeem("bob@clinic.test", "000003", BROWSER)).toEqual({
      outcome: "wrong",
      attemptsLeft: 0,
    });
    expect(await codes.redeem("bob@clinic.test", "555000", BROWSER)).toEqual({ outcome: "absent" });
  });

  it("reads an expired code as absent (the embedded engine never deletes it)", async () => {
    const codes = t.repos.loginCodes;
    await codes.issue("late@clinic.test", "246810", options);
    t.clock.advance(601_000);
    expect(await codes.redeem("late@clinic.test", "246810", BROWSER)).toEqual({
      outcome: "absent",
    });
  });

  it("a new code supersedes the old one", async () => {
    const codes = t.repos.loginCodes;
    await codes.issue("cy@clinic.test", "123123", options);
    await codes.issue("cy@clinic.test", "456456", options);
    expect(await codes.redeem("cy@clinic.test", "123123", BROWSER)).toMatchObject({
      outcome: "wrong",
    });
    expect(await codes.redeem("cy@clinic.test", "456456", BROWSER)).toEqual({ outcome: "ok" });
  });

  it("a code works only for the browser that asked for it, and another browser's code leaves it be", async () => {
    const codes = t.repos.loginCodes;
    await codes.issue("eve@clinic.test", "777111", options);
    await codes.issue("eve@clinic.test", "888222", { ...options, challenge: "stranger" });
    for (let i = 0; i < 5; i++) {
      expect(await codes.redeem("eve@clinic.test", "000000", "stranger")).not.toEqual({
        outcome: "ok",
      });
    }
    expect(await codes.redeem("eve@clinic.test", "777111", "stranger")).toEqual({
      outcome: "absent",
    });
    expect(await codes.redeem("eve@clinic.test", "777111", BROWSER)).toEqual({ outcome: "ok" });
  });

  it("needs the encryption key, which keys the code's HMAC", async () => {
    const keyless = createLoginCodesRepository(t.db, repositoryContext(), undefined);
    await expect(keyless.issue("d@clinic.test", "123456", options)).rejects.toBeInstanceOf(
      SecretKeyMissingError,
    );
  });
});
