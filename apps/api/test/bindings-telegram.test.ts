import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import type { ApiDeps } from "../src/deps";
import type { FakeBot, FakeTelegram } from "./fakes/fake-telegram";
import { callerAs } from "./helpers/auth-fixtures";
import { auditActions, callRevealingNone, failure } from "./helpers/router-kit";
import { startTelegramAdmin, type TelegramAdmin } from "./helpers/telegram-kit";

const APP_URL = "https://crm.example.test";
let telegram: FakeTelegram;
let deps: ApiDeps;
let admin: Staff;
let bot: FakeBot;
let started: TelegramAdmin | undefined;
/** Every secret handed to the API in this file: no response may contain any of them. */
const secrets: string[] = [];

beforeAll(async () => {
  started = await startTelegramAdmin(
    {
      APP_URL,
      // Nothing listens here: Instagram verification must report "could not ask", not a verdict.
      INSTAGRAM_GRAPH_BASE_URL: "http://127.0.0.1:9/v21.0",
    },
    "smile_clinic_bot",
  );
  ({ telegram, deps, admin, bot } = started);
  secrets.push(bot.token);
  for (const agentId of ["tg_agent", "tg_other"]) {
    await deps.repos.agents.create({
      agentId,
      config: {
        agent_id: agentId,
        profile: { doctor_display_name: "Dr", clinic_display_name: "C" },
      },
    });
  }
});

afterAll(async () => {
  await started?.close();
});

/** Calls through the router and asserts no secret comes back. */
type BindingInput = Parameters<ReturnType<typeof callerAs>["bindings"]["create"]>[0];

const call = <T>(fn: (c: ReturnType<typeof callerAs>) => Promise<T>, d: ApiDeps = deps) =>
  callRevealingNone(d, admin, secrets, fn);

describe("bindings.create", () => {
  let bindingId: string;

  it("takes the bot id from the token, stores the token encrypted and never returns it", async () => {
    const binding = await call((c) =>
      c.bindings.create({ agentId: "tg_agent", channelType: "telegram", accessToken: bot.token }),
    );
    bindingId = binding.bindingId;
    expect(binding).toMatchObject({
      agentId: "tg_agent",
      channelType: "telegram",
      channelAccountId: String(bot.id),
      isActive: true,
      isVerified: false,
      hasWebhookSecret: true,
      createdBy: admin.id,
    });
    expect(await deps.repos.channelBindings.getAccessToken(bindingId)).toBe(bot.token);
    expect(await deps.repos.channelBindings.getWebhookSecret(bindingId)).toMatch(/^[a-f0-9]{64}$/);
    const listed = await call((c) => c.bindings.list({ agentId: "tg_agent" }));
    expect(listed.items.map((b) => b.bindingId)).toEqual([bindingId]);
    expect(await auditActions(deps, bindingId)).toEqual(["binding.create"]);
  });

  it("refuses a second active binding of the same bot, and bad tokens or account ids", async () => {
    const refused: [BindingInput, { code?: string; paths?: string[] }][] = [
      // The same bot, already bound to tg_agent.
      [
        { agentId: "tg_other", channelType: "telegram", accessToken: bot.token },
        { code: "CONFLICT" },
      ],
      [
        { agentId: "tg_other", channelType: "telegram", accessToken: "nope" },
        { paths: ["accessToken"] },
      ],
      [
        {
          agentId: "tg_other",
          channelType: "telegram",
          channelAccountId: "123",
          accessToken: "456:abc",
        },
        { paths: ["channelAccountId"] },
      ],
      [
        { agentId: "tg_other", channelType: "whatsapp", accessToken: "EAAG" },
        { paths: ["channelAccountId"] },
      ],
      [
        {
          agentId: "tg_other",
          channelType: "instagram",
          channelAccountId: "1784",
          accessToken: "IGAA",
          metadata: { app_secret: "leak" },
        },
        { paths: ["metadata"] },
      ],
      [{ agentId: "ghost", channelType: "telegram", accessToken: "1:a" }, { code: "NOT_FOUND" }],
    ];
    for (const [input, expected] of refused) {
      const refusal = await failure(callerAs(deps, admin).bindings.create(input), secrets);
      expect(refusal, JSON.stringify(input)).toMatchObject(expected);
    }
  });

  describe("bindings.verify", () => {
    it("checks the token with getMe and registers the webhook with a secret token", async () => {
      const result = await call((c) => c.bindings.verify({ bindingId }));
      const url = `${APP_URL}/api/v1/telegram/webhook/${bindingId}`;
      expect(result).toMatchObject({
        status: "verified",
        isVerified: true,
        bot: { id: bot.id, username: "smile_clinic_bot" },
        webhook: { status: "set", url },
      });
      expect(bot.webhook).toEqual({
        url,
        secretToken: await deps.repos.channelBindings.getWebhookSecret(bindingId),
        // Telegram sends reactions only to webhooks that ask for them.
        allowedUpdates: ["message", "edited_message", "message_reaction", "callback_query"],
      });
      const stored = await deps.repos.channelBindings.get(bindingId);
      expect(stored).toMatchObject({ isVerified: true, channelUsername: "smile_clinic_bot" });
      expect(stored?.lastError).toBeUndefined();
      expect(await auditActions(deps, bindingId)).toContain("binding.verify");
    });

    it("reports an invalid token clearly and records it", async () => {
      const revoked = `${bot.id}:revoked-token`;
      secrets.push(revoked);
      await call((c) => c.bindings.update({ bindingId, accessToken: revoked }));
      const result = await call((c) => c.bindings.verify({ bindingId }));
      expect(result).toMatchObject({ status: "verification_failed", isVerified: false });
      expect(result.status === "verification_failed" && result.reason).toMatch(
        /^Invalid bot token/,
      );
      const stored = await deps.repos.channelBindings.get(bindingId);
      expect(stored?.isVerified).toBe(false);
      expect(stored?.lastError).toMatch(/Invalid bot token/);
      await call((c) => c.bindings.update({ bindingId, accessToken: bot.token }));
    });

    it("leaves the webhook alone without APP_URL and says so", async () => {
      const noAppUrl: ApiDeps = { ...deps, env: { ...deps.env, APP_URL: undefined } };
      const result = await call((c) => c.bindings.verify({ bindingId }), noAppUrl);
      expect(result).toMatchObject({ status: "verified", webhook: { status: "not_configured" } });
    });

    it("claims nothing when Telegram is unreachable or the platform cannot be asked", async () => {
      const offline: ApiDeps = {
        ...deps,
        env: { ...deps.env, TELEGRAM_API_BASE_URL: "http://127.0.0.1:9" },
      };
      const unreachable = await call((c) => c.bindings.verify({ bindingId }), offline);
      expect(unreachable).toMatchObject({
        status: "unverified",
        reason: "Telegram is unreachable",
      });
      const instagram = await call((c) =>
        c.bindings.create({
          agentId: "tg_other",
          channelType: "instagram",
          channelAccountId: "17840000000000009",
          accessToken: "IGAA-instagram-token",
          appSecret: "meta-app-secret",
        }),
      );
      secrets.push("IGAA-instagram-token", "meta-app-secret");
      const verified = await call((c) => c.bindings.verify({ bindingId: instagram.bindingId }));
      expect(verified).toMatchObject({ status: "unverified", isVerified: false });
      expect(verified.status === "unverified" && verified.reason).toMatch(/Graph API/);
      const credentials = await deps.repos.channelBindings.getCredentials(instagram.bindingId);
      expect(credentials).toEqual({
        accessToken: "IGAA-instagram-token",
        secretMetadata: { app_secret: "meta-app-secret" },
      });
    });
  });

  describe("bindings.update, health and delete", () => {
    it("refuses another bot's token and audits changes with old and new values", async () => {
      const other = telegram.addBot();
      secrets.push(other.token);
      const err = await failure(
        callerAs(deps, admin).bindings.update({ bindingId, accessToken: other.token }),
        secrets,
      );
      expect(err.paths).toEqual(["accessToken"]);
      const updated = await call((c) =>
        c.bindings.update({ bindingId, isActive: false, metadata: { note: "paused" } }),
      );
      expect(updated).toMatchObject({ isActive: false, metadata: { note: "paused" } });
      const entry = (
        await deps.repos.audit.list({ resourceId: bindingId, action: "binding.update" })
      ).items[0];
      expect(entry?.oldValue).toMatchObject({ isActive: true });
      expect(entry?.newValue).toMatchObject({ isActive: false });
      await call((c) => c.bindings.update({ bindingId, isActive: true }));
    });

    it("reports the last inbound event, last error and dead letters per binding", async () => {
      await deps.repos.inboundEvents.record({
        platform: "telegram",
        scope: String(bot.id),
        externalId: "1001",
        orderKey: `${bindingId}#42`,
        orderSort: 1001,
        payload: { update_id: 1001 },
      });
      await deps.repos.channelBindings.recordError(bindingId, "sendMessage failed: Forbidden");
      const health = await call((c) => c.bindings.health({ agentId: "tg_agent" }));
      expect(health.items).toEqual([
        expect.objectContaining({
          bindingId,
          isActive: true,
          lastError: "sendMessage failed: Forbidden",
          deadLetters: 0,
        }),
      ]);
      expect(Date.parse(health.items[0]?.lastInboundAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
    });

    it("removes the webhook, the row and its secrets", async () => {
      const result = await call((c) => c.bindings.delete({ bindingId }));
      expect(result).toEqual({ bindingId, deleted: true, webhook: "removed" });
      expect(bot.webhook).toBeNull();
      expect(await deps.repos.channelBindings.get(bindingId)).toBeNull();
      expect(await deps.repos.channelBindings.getAccessToken(bindingId)).toBeNull();
      expect(
        (await failure(callerAs(deps, admin).bindings.verify({ bindingId }), secrets)).code,
      ).toBe("NOT_FOUND");
      expect(await auditActions(deps, bindingId)).toEqual(
        expect.arrayContaining([
          "binding.create",
          "binding.verify",
          "binding.update",
          "binding.delete",
        ]),
      );
    });
  });
});
