import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestApi, type TestApi } from "./helpers/test-api";
import {
  bindDirect,
  inboxSize,
  instagramText,
  metaSigned,
  post,
  stored,
  whatsappBody,
  whatsappTextItem,
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
  whatsappBody(account, "1", [whatsappTextItem(id, "x")]);

/** Posts a Telegram update to a binding made without asking Telegram: no webhook secret registered. */
async function postToUnregisteredBot(t: TestApi, botId: string) {
  const legacy = await bindDirect(t.deps, {
    channelType: "telegram",
    accountId: botId,
    agentId: "tg-legacy",
    accessToken: `${botId}:legacy`,
  });
  return post(`${t.url}/api/v1/telegram/webhook/${legacy.bindingId}`, telegramUpdate);
}

/** An Instagram account bound with its own app secret: its posts must carry that secret's signature. */
async function expectOwnSecretRequired(
  t: TestApi,
  account: string,
  appSecret: string,
  mid: string,
) {
  await bindDirect(t.deps, { channelType: "instagram", accountId: account, appSecret });
  const body = instagramText({ account, sender: "9", mid, text: "hi" });
  const hook = `${t.url}/api/v1/instagram/webhook`;
  expect((await post(hook, body)).status).toBe(401);
  expect((await post(hook, body, metaSigned(body, "nope"))).status).toBe(403);
  expect((await post(hook, body, metaSigned(body, appSecret))).status).toBe(200);
  expect(await stored(t.deps, "instagram", account, mid)).not.toBeNull();
}

// Regression: under `npm start` (development, no app secret anywhere) unsigned WhatsApp and Instagram
// events were accepted for a binding without an app secret, and the agent answered them.
describe("no secret configured, in development (as npm start runs)", () => {
  const api = useTestApi({ ENVIRONMENT: "development" });

  it("unsigned WhatsApp and Instagram events are refused (401) and never stored", async () => {
    const t = api();
    await bindDirect(t.deps, { channelType: "whatsapp", accountId: "555000dev" });
    await bindDirect(t.deps, { channelType: "instagram", accountId: "1784140000000dev" });
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
    const t = api();
    const body = whatsappText("555000dev", "wamid.dev-signed");
    const res = await post(`${t.url}/api/v1/whatsapp/webhook`, body, metaSigned(body, "anything"));
    expect(res.status).toBe(503);
    expect(await stored(t.deps, "whatsapp", "555000dev", "wamid.dev-signed")).toBeNull();
  });

  it("a Telegram binding without a registered secret is refused with 503", async () => {
    const t = api();
    const res = await postToUnregisteredBot(t, "7100000003");
    expect(res.status).toBe(503);
    expect(await stored(t.deps, "telegram", "7100000003", "77")).toBeNull();
  });
});

describe("unsigned webhooks explicitly allowed (ALLOW_UNSIGNED_WEBHOOKS, development only)", () => {
  const api = useTestApi({ ENVIRONMENT: "development", ALLOW_UNSIGNED_WEBHOOKS: "true" });

  it("an unsigned Instagram post is accepted (with a warning), verification GET is not", async () => {
    const t = api();
    await bindDirect(t.deps, { channelType: "instagram", accountId: "1784140000000dev" });
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
    const t = api();
    await expectOwnSecretRequired(t, "1784140000000own", "own-secret", "own");
  });

  it("a Telegram binding without a registered secret is accepted", async () => {
    const t = api();
    const res = await postToUnregisteredBot(t, "7100000001");
    expect(res.status).toBe(200);
  });
});

describe("no secret configured, in production", () => {
  const api = useTestApi({
    ENVIRONMENT: "production",
    SECRET_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    APP_URL: "https://crm.example.test",
    ADMIN_TOKEN: "a".repeat(32),
  });

  it("an unsigned Meta post for a bound account is refused with 503 and not stored", async () => {
    const t = api();
    await bindDirect(t.deps, { channelType: "whatsapp", accountId: "555000111" });
    const body = whatsappText("555000111", "wamid.prod");
    const res = await post(`${t.url}/api/v1/whatsapp/webhook`, body, metaSigned(body, "anything"));
    expect(res.status).toBe(503);
    expect(await stored(t.deps, "whatsapp", "555000111", "wamid.prod")).toBeNull();
  });

  it("a binding's own app secret still verifies its posts", async () => {
    const t = api();
    await expectOwnSecretRequired(t, "1784140000000prod", "per-binding", "prod_mid");
  });

  it("a Telegram binding without a registered secret is refused with 503", async () => {
    const t = api();
    const res = await postToUnregisteredBot(t, "7100000002");
    expect(res.status).toBe(503);
    expect(await stored(t.deps, "telegram", "7100000002", "77")).toBeNull();
  });
});
