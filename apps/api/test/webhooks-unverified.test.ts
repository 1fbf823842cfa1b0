import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./helpers/test-api";
import {
  bindMeta,
  ensureAgent,
  inboxSize,
  instagramText,
  metaSigned,
  post,
  stored,
} from "./helpers/webhook-kit";

const telegramUpdate = JSON.stringify({
  update_id: 77,
  message: {
    message_id: 1,
    chat: { id: 42 },
    from: { id: 42, is_bot: false },
    date: 1,
    text: "hi",
  },
});

const whatsappText = (account: string, id: string) =>
  JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "1",
        changes: [
          {
            field: "messages",
            value: {
              metadata: { phone_number_id: account },
              messages: [{ from: "1", id, timestamp: "1", type: "text", text: { body: "x" } }],
            },
          },
        ],
      },
    ],
  });

// Regression: under `npm start` (development, no app secret anywhere) unsigned WhatsApp and Instagram
// events were accepted for a binding without an app secret, and the agent answered them.
describe("no secret configured, in development (as npm start runs)", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ ENVIRONMENT: "development" });
  });
  afterAll(() => t.close());

  it("unsigned WhatsApp and Instagram events are refused (401) and never stored", async () => {
    await bindMeta(t.deps, { channelType: "whatsapp", accountId: "555000dev" });
    await bindMeta(t.deps, { channelType: "instagram", accountId: "1784140000000dev" });
    const wa = await post(
      `${t.url}/api/v1/whatsapp/webhook`,
      whatsappText("555000dev", "wamid.dev"),
    );
    expect(wa.status).toBe(401);
    expect(wa.json()).toMatchObject({ error: { message: "X-Hub-Signature-256 is required" } });
    const ig = instagramText({
      account: "1784140000000dev",
      sender: "9",
      mid: "dev_mid",
      text: "hi",
    });
    expect((await post(`${t.url}/api/v1/instagram/webhook`, ig)).status).toBe(401);
    expect(await stored(t.deps, "whatsapp", "555000dev", "wamid.dev")).toBeNull();
    expect(await stored(t.deps, "instagram", "1784140000000dev", "dev_mid")).toBeNull();
    expect(await inboxSize(t.deps)).toBe(0);
  });

  it("a signed event for a binding no secret can check is refused with 503 (Meta re-delivers)", async () => {
    const body = whatsappText("555000dev", "wamid.dev-signed");
    const res = await post(`${t.url}/api/v1/whatsapp/webhook`, body, metaSigned(body, "anything"));
    expect(res.status).toBe(503);
    expect(await stored(t.deps, "whatsapp", "555000dev", "wamid.dev-signed")).toBeNull();
  });

  it("a Telegram binding without a registered secret is refused with 503", async () => {
    await ensureAgent(t.deps, "tg-legacy");
    const legacy = await t.deps.repos.channelBindings.create({
      agentId: "tg-legacy",
      channelType: "telegram",
      channelAccountId: "7100000003",
      accessToken: "7100000003:legacy",
    });
    const res = await post(`${t.url}/api/v1/telegram/webhook/${legacy.bindingId}`, telegramUpdate);
    expect(res.status).toBe(503);
    expect(await stored(t.deps, "telegram", "7100000003", "77")).toBeNull();
  });
});

describe("unsigned webhooks explicitly allowed (ALLOW_UNSIGNED_WEBHOOKS, development only)", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ ENVIRONMENT: "development", ALLOW_UNSIGNED_WEBHOOKS: "true" });
  });
  afterAll(() => t.close());

  it("an unsigned Instagram post is accepted (with a warning), verification GET is not", async () => {
    await bindMeta(t.deps, { channelType: "instagram", accountId: "1784140000000dev" });
    const body = instagramText({
      account: "1784140000000dev",
      sender: "9",
      mid: "dev_mid",
      text: "hi",
    });
    expect((await post(`${t.url}/api/v1/instagram/webhook`, body)).status).toBe(200);
    expect(await stored(t.deps, "instagram", "1784140000000dev", "dev_mid")).not.toBeNull();
    const get = await fetch(
      `${t.url}/api/v1/instagram/webhook?hub.mode=subscribe&hub.verify_token=&hub.challenge=1`,
    );
    expect(get.status).toBe(403);
  });

  it("a binding's own app secret is still required of its posts", async () => {
    await bindMeta(t.deps, {
      channelType: "instagram",
      accountId: "1784140000000own",
      appSecret: "own-secret",
    });
    const body = instagramText({
      account: "1784140000000own",
      sender: "9",
      mid: "own",
      text: "hi",
    });
    const hook = `${t.url}/api/v1/instagram/webhook`;
    expect((await post(hook, body)).status).toBe(401);
    expect((await post(hook, body, metaSigned(body, "nope"))).status).toBe(403);
    expect((await post(hook, body, metaSigned(body, "own-secret"))).status).toBe(200);
  });

  it("a Telegram binding without a registered secret is accepted", async () => {
    await ensureAgent(t.deps, "tg-legacy");
    const legacy = await t.deps.repos.channelBindings.create({
      agentId: "tg-legacy",
      channelType: "telegram",
      channelAccountId: "7100000001",
      accessToken: "7100000001:legacy",
    });
    const res = await post(`${t.url}/api/v1/telegram/webhook/${legacy.bindingId}`, telegramUpdate);
    expect(res.status).toBe(200);
  });
});

describe("no secret configured, in production", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({
      ENVIRONMENT: "production",
      SECRET_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      APP_URL: "https://crm.example.test",
      ADMIN_TOKEN: "a".repeat(32),
    });
  });
  afterAll(() => t.close());

  it("an unsigned Meta post for a bound account is refused with 503 and not stored", async () => {
    await bindMeta(t.deps, { channelType: "whatsapp", accountId: "555000111" });
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "1",
          changes: [
            {
              field: "messages",
              value: {
                metadata: { phone_number_id: "555000111" },
                messages: [
                  {
                    from: "1",
                    id: "wamid.prod",
                    timestamp: "1",
                    type: "text",
                    text: { body: "x" },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const res = await post(`${t.url}/api/v1/whatsapp/webhook`, body, metaSigned(body, "anything"));
    expect(res.status).toBe(503);
    expect(await stored(t.deps, "whatsapp", "555000111", "wamid.prod")).toBeNull();
  });

  it("a binding's own app secret still verifies its posts", async () => {
    await bindMeta(t.deps, {
      channelType: "instagram",
      accountId: "1784140000000prod",
      appSecret: "per-binding",
    });
    const body = instagramText({
      account: "1784140000000prod",
      sender: "9",
      mid: "prod_mid",
      text: "hi",
    });
    const hook = `${t.url}/api/v1/instagram/webhook`;
    expect((await post(hook, body)).status).toBe(401);
    expect((await post(hook, body, metaSigned(body, "nope"))).status).toBe(403);
    expect((await post(hook, body, metaSigned(body, "per-binding"))).status).toBe(200);
    expect(await stored(t.deps, "instagram", "1784140000000prod", "prod_mid")).not.toBeNull();
  });

  it("a Telegram binding without a registered secret is refused with 503", async () => {
    await ensureAgent(t.deps, "tg-legacy");
    const legacy = await t.deps.repos.channelBindings.create({
      agentId: "tg-legacy",
      channelType: "telegram",
      channelAccountId: "7100000002",
      accessToken: "7100000002:legacy",
    });
    const res = await post(`${t.url}/api/v1/telegram/webhook/${legacy.bindingId}`, telegramUpdate);
    expect(res.status).toBe(503);
    expect(await stored(t.deps, "telegram", "7100000002", "77")).toBeNull();
  });
});
