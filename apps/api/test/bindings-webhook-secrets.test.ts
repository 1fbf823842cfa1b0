import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createTestDeps } from "./helpers/test-api";
import { bindDirect, ensureAgent } from "./helpers/webhook-kit";

const AGENT = "secrets_agent";

async function bindAll(deps: ApiDeps) {
  await ensureAgent(deps, AGENT);
  await bindDirect(deps, {
    channelType: "instagram",
    accountId: "1784140000000111",
    agentId: AGENT,
  });
  await bindDirect(deps, {
    channelType: "whatsapp",
    accountId: "555000111",
    agentId: AGENT,
    appSecret: "saved-wa-app-secret",
  });
  await bindDirect(deps, {
    channelType: "telegram",
    accountId: "7100000111",
    agentId: AGENT,
    accessToken: "7100000111:never-verified",
  });
  await bindDirect(deps, {
    channelType: "telegram",
    accountId: "7100000222",
    agentId: AGENT,
    accessToken: "7100000222:verified",
    webhookSecret: "registered-telegram-secret",
  });
}

async function secretsByAccount(deps: ApiDeps) {
  const admin = await seedUser(deps, { role: "admin" });
  const { items } = await callerAs(deps, principalOf(admin)).bindings.list({ agentId: AGENT });
  expect(JSON.stringify(items)).not.toMatch(/saved-wa-app-secret|registered-telegram-secret/);
  return Object.fromEntries(items.map((item) => [item.channelAccountId, item.webhookSecrets]));
}

describe("bindings.list says which webhook secrets each binding is missing", () => {
  let bare: ApiDeps;
  let configured: ApiDeps;
  beforeAll(async () => {
    bare = await createTestDeps({ ENVIRONMENT: "development" });
    configured = await createTestDeps({
      ENVIRONMENT: "development",
      APP_URL: "https://crm.example.test",
      INSTAGRAM_APP_SECRET: "env-ig-app-secret",
      INSTAGRAM_WEBHOOK_VERIFY_TOKEN: "env-ig-verify",
      ALLOW_UNSIGNED_WEBHOOKS: "true",
    });
    await bindAll(bare);
    await bindAll(configured);
  });
  afterAll(async () => {
    await bare.db.close();
    await configured.db.close();
  });

  it("as npm start runs (nothing configured): what is missing, and that deliveries are refused", async () => {
    expect(await secretsByAccount(bare)).toEqual({
      "1784140000000111": {
        missing: [
          { secret: "app_secret", variable: "INSTAGRAM_APP_SECRET" },
          { secret: "verify_token", variable: "INSTAGRAM_WEBHOOK_VERIFY_TOKEN" },
        ],
        deliveries: "refused",
      },
      // The app secret saved with the binding verifies its deliveries.
      "555000111": {
        missing: [{ secret: "verify_token", variable: "WHATSAPP_VERIFY_TOKEN" }],
        deliveries: "verified",
      },
      // Verify registers a secret token, which needs the public address first.
      "7100000111": {
        missing: [{ secret: "webhook_secret", variable: "APP_URL" }],
        deliveries: "refused",
      },
      "7100000222": { missing: [], deliveries: "verified" },
    });
  });

  it("with the environment's secrets, and unsigned deliveries explicitly allowed", async () => {
    const secrets = await secretsByAccount(configured);
    expect(secrets["1784140000000111"]).toEqual({ missing: [], deliveries: "verified" });
    expect(secrets["7100000111"]).toEqual({
      missing: [{ secret: "webhook_secret", variable: null }],
      deliveries: "accepted_unverified",
    });
  });

  it("reads the console's Channel settings when the environment has none (regression: env only)", async () => {
    await bare.channelSecrets.set("instagram_app_secret", "console-ig-app-secret");
    await bare.channelSecrets.set("instagram_verify_token", "console-ig-verify");
    try {
      expect((await secretsByAccount(bare))["1784140000000111"]).toEqual({
        missing: [],
        deliveries: "verified",
      });
    } finally {
      await bare.channelSecrets.clear("instagram_app_secret");
      await bare.channelSecrets.clear("instagram_verify_token");
    }
  });

  it("a Twilio binding without its own token needs the account's auth token and SID", async () => {
    // Saved by an earlier version, which stored this stand-in instead of a token: read as none.
    await bare.repos.channelBindings.create({
      agentId: AGENT,
      channelType: "whatsapp",
      channelAccountId: "whatsapp:+14155230001",
      accessToken: "inherit:channel-settings",
      metadata: { provider: "twilio" },
    });
    expect((await secretsByAccount(bare))["whatsapp:+14155230001"]).toEqual({
      missing: [
        { secret: "twilio_auth_token", variable: "TWILIO_AUTH_TOKEN" },
        { secret: "twilio_account_sid", variable: "TWILIO_ACCOUNT_SID" },
      ],
      deliveries: "refused",
    });
    await bare.channelSecrets.set("twilio_auth_token", "console-twilio-token");
    await bare.channelSecrets.set("twilio_account_sid", `AC${"0".repeat(32)}`);
    expect((await secretsByAccount(bare))["whatsapp:+14155230001"]).toEqual({
      missing: [],
      deliveries: "verified",
    });
  });
});
