import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createTestDeps } from "./helpers/test-api";

describe("channelSettings: owners and admins set secrets that are never shown again", () => {
  let deps: ApiDeps;
  beforeAll(async () => {
    deps = await createTestDeps({ TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000001" });
  });
  afterAll(() => deps.db.close());

  it("set stores the value, get says only set/source, clear removes it; each is audited without the value", async () => {
    const admin = await seedUser(deps, { role: "admin" });
    const api = callerAs(deps, principalOf(admin));
    const before = await api.channelSettings.get();
    expect(before.items.map((s) => [s.name, s.source])).toEqual([
      ["instagram_app_secret", "none"],
      ["instagram_verify_token", "none"],
      ["whatsapp_app_secret", "none"],
      ["whatsapp_verify_token", "none"],
      ["twilio_account_sid", "env"],
      ["twilio_auth_token", "none"],
    ]);

    expect(
      await api.channelSettings.set({ name: "twilio_auth_token", value: " tw-auth-token-42 " }),
    ).toMatchObject({ name: "twilio_auth_token", set: true, source: "console" });
    // Whitespace around a pasted secret is not part of it.
    expect(await deps.channelSecrets.get("twilio_auth_token")).toBe("tw-auth-token-42");
    const after = await api.channelSettings.get();
    expect(JSON.stringify(after)).not.toContain("tw-auth-token-42");

    // The environment variable wins; the console value is kept and reported as stored.
    expect(
      await api.channelSettings.set({
        name: "twilio_account_sid",
        value: "AC0123456789abcdef0123456789abcdef",
      }),
    ).toMatchObject({ source: "env", storedInConsole: true });
    expect(await deps.channelSecrets.get("twilio_account_sid")).toBe(
      "AC00000000000000000000000000000001",
    );

    expect(await api.channelSettings.clear({ name: "twilio_auth_token" })).toMatchObject({
      set: false,
      source: "none",
    });
    expect(await deps.channelSecrets.get("twilio_auth_token")).toBeUndefined();

    const audit = await api.audit.list({ resourceType: "channel_setting" });
    expect(audit.items.map((e) => [e.action, e.resourceId, e.actorId])).toEqual([
      ["channel_settings.clear", "twilio_auth_token", admin.userId],
      ["channel_settings.set", "twilio_account_sid", admin.userId],
      ["channel_settings.set", "twilio_auth_token", admin.userId],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/tw-auth-token-42|AC0123456789abcdef/);
  });

  it("refuses values that cannot be these secrets with a clear message", async () => {
    const owner = await seedUser(deps, { role: "owner" });
    const api = callerAs(deps, principalOf(owner));
    const refused = async (input: unknown) => {
      const error = await api.channelSettings
        .set(input as never)
        .then(() => null)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
      return (error as TRPCError).message;
    };
    expect(await refused({ name: "twilio_account_sid", value: "not-a-sid" })).toContain(
      "AC followed by 32 hexadecimal characters",
    );
    expect(await refused({ name: "whatsapp_app_secret", value: "two words" })).toContain(
      "without spaces",
    );
    await refused({ name: "whatsapp_app_secret", value: "x".repeat(513) });
    await refused({ name: "openai_api_key", value: "sk-1" });
    await refused({ name: "whatsapp_app_secret", value: "   " });
  });
});
