import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let bare: ApiDeps;

beforeAll(async () => {
  deps = await createTestDeps({
    APP_URL: "https://crm.example.test",
    INSTAGRAM_WEBHOOK_VERIFY_TOKEN: "ig-verify-123",
    INSTAGRAM_APP_SECRET: "ig-app-secret",
    WHATSAPP_VERIFY_TOKEN: "wa-verify-456",
  });
  bare = await createTestDeps();
});

afterAll(async () => {
  await deps.db.close();
  await bare.db.close();
});

describe("bindings.webhookSetup", () => {
  it("gives admins the public address and which Meta settings exist, never their values", async () => {
    const admin = await seedUser(deps, { role: "admin" });
    const setup = await callerAs(deps, principalOf(admin)).bindings.webhookSetup();
    expect(setup).toEqual({
      appUrl: "https://crm.example.test",
      instagram: { verifyTokenSet: true, appSecretSet: true },
      whatsapp: { verifyTokenSet: true, appSecretSet: false },
      twilio: { accountSidSet: false, authTokenSet: false },
    });
    for (const secret of ["ig-verify-123", "ig-app-secret", "wa-verify-456"]) {
      expect(JSON.stringify(setup)).not.toContain(secret);
    }
  });

  it("says what is missing on a deployment without Meta settings", async () => {
    const owner = await seedUser(bare, { role: "owner" });
    expect(await callerAs(bare, principalOf(owner)).bindings.webhookSetup()).toEqual({
      appUrl: null,
      instagram: { verifyTokenSet: false, appSecretSet: false },
      whatsapp: { verifyTokenSet: false, appSecretSet: false },
      twilio: { accountSidSet: false, authTokenSet: false },
    });
  });

  it("counts values set in the console's Channel settings (regression: only the environment was read)", async () => {
    const owner = await seedUser(bare, { role: "owner" });
    await bare.channelSecrets.set("whatsapp_app_secret", "console-wa-secret");
    await bare.channelSecrets.set("twilio_auth_token", "console-twilio-token");
    const setup = await callerAs(bare, principalOf(owner)).bindings.webhookSetup();
    expect(setup.whatsapp).toEqual({ verifyTokenSet: false, appSecretSet: true });
    expect(setup.twilio).toEqual({ accountSidSet: false, authTokenSet: true });
    expect(JSON.stringify(setup)).not.toMatch(/console-wa-secret|console-twilio-token/);
  });

  it("is not for operators", async () => {
    const operator = await seedUser(deps, { role: "operator" });
    await expect(
      callerAs(deps, principalOf(operator)).bindings.webhookSetup(),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
