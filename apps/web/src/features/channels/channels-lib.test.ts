import { describe, expect, it } from "vitest";
import {
  checkForm,
  createInput,
  credentialsChanged,
  emptyForm,
  serverFieldErrors,
  telegramBotId,
  updateInput,
} from "./binding-form-state";
import { bindingErrorText } from "./binding-error-text";
import { bindingState, healthById } from "./binding-status";
import { channels } from "./messages";
import type { Binding, BindingHealth, VerifyResult } from "./types";
import { verifySummary } from "./verify-outcome";
import { isPublicHttps, webhookUrl } from "./webhook-urls";

const TOKEN = "123456789:AAEabcdefghijklmnopqrstuvwxyz012345";

describe("webhook URLs", () => {
  it("puts the API's webhook path after this site's origin", () => {
    expect(webhookUrl("instagram", "https://crm.example.com/")).toBe(
      "https://crm.example.com/api/v1/instagram/webhook",
    );
    expect(webhookUrl("whatsapp", "https://crm.example.com")).toBe(
      "https://crm.example.com/api/v1/whatsapp/webhook",
    );
    expect(webhookUrl("telegram", "https://crm.example.com", "b 1")).toBe(
      "https://crm.example.com/api/v1/telegram/webhook/b%201",
    );
  });

  it("knows that Meta cannot call localhost or plain http", () => {
    expect(isPublicHttps("https://crm.example.com")).toBe(true);
    expect(isPublicHttps("http://crm.example.com")).toBe(false);
    expect(isPublicHttps("https://localhost:3000")).toBe(false);
    expect(isPublicHttps("not a url")).toBe(false);
  });
});

describe("binding form", () => {
  it("requires a token, and an account id for Meta channels", () => {
    expect(checkForm(emptyForm("telegram"), "create")).toEqual({ accessToken: "required" });
    expect(checkForm(emptyForm("whatsapp"), "create")).toEqual({
      accessToken: "required",
      accountId: "required",
    });
    expect(
      checkForm({ ...emptyForm("instagram"), accessToken: "x", accountId: "ig-17841" }, "create"),
    ).toEqual({ accountId: "numericId" });
  });

  it("recognises a BotFather token and reads the bot id from it", () => {
    expect(checkForm({ ...emptyForm("telegram"), accessToken: "nope" }, "create")).toEqual({
      accessToken: "telegramToken",
    });
    expect(checkForm({ ...emptyForm("telegram"), accessToken: ` ${TOKEN} ` }, "create")).toEqual(
      {},
    );
    expect(telegramBotId(TOKEN)).toBe("123456789");
    expect(telegramBotId("123:short")).toBeNull();
  });

  it("lets an update leave secrets empty to keep them", () => {
    expect(checkForm(emptyForm("instagram"), "update")).toEqual({});
    expect(updateInput("b1", { ...emptyForm("instagram"), username: "@clinic" }, 4)).toEqual({
      bindingId: "b1",
      expectedVersion: 4,
      channelUsername: "clinic",
    });
    expect(
      updateInput("b1", { ...emptyForm("whatsapp"), accessToken: " new ", appSecret: "s" }, 1),
    ).toMatchObject({ accessToken: "new", appSecret: "s" });
  });

  it("builds the create input each channel needs", () => {
    expect(createInput("demo", { ...emptyForm("telegram"), accessToken: TOKEN })).toEqual({
      agentId: "demo",
      channelType: "telegram",
      accessToken: TOKEN,
    });
    expect(
      createInput("demo", {
        channelType: "whatsapp",
        provider: "meta",
        useSettingsAuthToken: false,
        accountSid: "",
        accountId: " 1055 ",
        accessToken: "EAAG",
        appSecret: "",
        username: "",
      }),
    ).toEqual({
      agentId: "demo",
      channelType: "whatsapp",
      channelAccountId: "1055",
      accessToken: "EAAG",
    });
  });

  it("a Twilio binding: sender as whatsapp:+E164, SID and token required only without Channel settings", () => {
    const twilio = { ...emptyForm("whatsapp", "twilio"), accountId: "+14155238886" };
    expect(checkForm(twilio, "create")).toEqual({
      accountId: "twilioSender",
      accountSid: "required",
      accessToken: "required",
    });
    const inherited = { accountSid: true, authToken: true };
    const valid = { ...twilio, accountId: " whatsapp:+14155238886 " };
    expect(checkForm(valid, "create", inherited)).toEqual({});
    expect(checkForm({ ...valid, accountSid: "AC-nope" }, "create", inherited)).toEqual({
      accountSid: "twilioAccountSid",
    });
    expect(createInput("demo", valid)).toEqual({
      agentId: "demo",
      channelType: "whatsapp",
      channelAccountId: "whatsapp:+14155238886",
      metadata: { provider: "twilio" },
    });
    const sid = `AC${"a".repeat(32)}`;
    expect(
      createInput("demo", { ...valid, accountSid: sid, accessToken: "tok", appSecret: "x" }),
    ).toEqual({
      agentId: "demo",
      channelType: "whatsapp",
      channelAccountId: "whatsapp:+14155238886",
      accessToken: "tok",
      metadata: { provider: "twilio", accountSid: sid },
    });
    expect(
      serverFieldErrors({ data: { issues: [{ path: "metadata.accountSid", message: "bad" }] } })
        .fields,
    ).toEqual({ accountSid: "bad" });
  });

  it("puts the API's field errors on the form's fields", () => {
    const error = {
      message: "accessToken: is not a Telegram bot token",
      data: {
        issues: [
          { path: "accessToken", message: "is not a Telegram bot token" },
          { path: "metadata", message: "must not hold secrets" },
        ],
      },
    };
    expect(serverFieldErrors(error)).toEqual({
      fields: { accessToken: "is not a Telegram bot token" },
      general: "metadata: must not hold secrets",
    });
    expect(serverFieldErrors({ message: "already bound", data: { issues: null } })).toEqual({
      fields: {},
      general: "already bound",
    });
  });
});

const binding = (overrides: Partial<Binding> = {}): Binding => ({
  bindingId: "b1",
  agentId: "demo",
  channelType: "telegram",
  channelAccountId: "123",
  channelUsername: null,
  isActive: true,
  isVerified: true,
  hasWebhookSecret: true,
  webhookSecrets: { missing: [], deliveries: "verified" },
  twilio: null,
  metadata: {},
  lastError: null,
  lastErrorAt: null,
  lastErrorReason: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  createdBy: null,
  version: 1,
  ...overrides,
});

const health = (overrides: Partial<BindingHealth> = {}): BindingHealth => ({
  bindingId: "b1",
  channelType: "telegram",
  channelAccountId: "123",
  isActive: true,
  isVerified: true,
  lastInboundAt: null,
  lastError: null,
  lastErrorAt: null,
  lastErrorReason: null,
  deadLetters: 0,
  tokenExpiresAt: null,
  tokenRefreshedAt: null,
  tokenProblem: null,
  ...overrides,
});

describe("binding state", () => {
  it("says inactive first, then an error, then whether it was verified", () => {
    expect(bindingState(binding({ isActive: false, lastError: "x" }))).toBe("inactive");
    expect(bindingState(binding(), health({ lastError: "Webhook: refused" }))).toBe("error");
    expect(bindingState(binding({ isVerified: false }))).toBe("unverified");
    expect(bindingState(binding(), health())).toBe("active");
    // An active binding whose deliveries are refused for want of a secret is not working.
    const refused = {
      missing: [{ secret: "webhook_secret" as const, variable: null }],
      deliveries: "refused" as const,
    };
    expect(bindingState(binding({ webhookSecrets: refused }), health())).toBe("error");
    const unverified = { ...refused, deliveries: "accepted_unverified" as const };
    expect(bindingState(binding({ webhookSecrets: unverified }), health())).toBe("active");
    expect(healthById([health()]).get("b1")?.deadLetters).toBe(0);
  });
});

describe("verify outcome", () => {
  it("names the bot and the webhook Telegram registered", () => {
    const result = {
      bindingId: "b1",
      isVerified: true,
      status: "verified",
      bot: { id: 123, username: "clinic_bot" },
      webhook: { status: "not_configured", reason: "APP_URL is not set" },
    } as VerifyResult;
    expect(verifySummary(result)).toEqual({
      tone: "ok",
      kind: "telegram",
      bot: "@clinic_bot",
      webhook: { state: "notConfigured", reason: "APP_URL is not set" },
    });
  });

  it("keeps the platform's reason for a refusal", () => {
    const refused = {
      bindingId: "b1",
      isVerified: false,
      status: "verification_failed",
      reason: "Invalid bot token (Telegram: Unauthorized)",
    } as VerifyResult;
    expect(verifySummary(refused)).toEqual({
      tone: "error",
      kind: "failed",
      reason: "Invalid bot token (Telegram: Unauthorized)",
      errorReason: null,
    });
    const meta = {
      bindingId: "b2",
      isVerified: true,
      status: "verified",
      account: { id: "1055", username: "+1 555 0100", name: "Bright Smile" },
    } as VerifyResult;
    expect(verifySummary(meta)).toEqual({
      tone: "ok",
      kind: "meta",
      account: "Bright Smile · +1 555 0100 · 1055",
    });
  });
});

describe("a Twilio binding changed after creation", () => {
  const SID = `AC${"b".repeat(32)}`;
  const current = { channelAccountId: "whatsapp:+14155230001", metadata: { provider: "twilio" } };
  const form = {
    ...emptyForm("whatsapp", "twilio"),
    accountId: current.channelAccountId,
    accountSid: "",
  };

  it("its sender and account SID are checked and sent; an empty SID means Channel settings'", () => {
    expect(checkForm({ ...form, accountId: "+14155230002" }, "update")).toEqual({
      accountId: "twilioSender",
      // Neither the binding nor Channel settings would have one.
      accountSid: "required",
    });
    expect(
      checkForm({ ...form, accountSid: "AC1" }, "update", { accountSid: true, authToken: true }),
    ).toEqual({ accountSid: "twilioAccountSid" });
    // No token typed: the stored one stays, so it is not required.
    expect(checkForm(form, "update", { accountSid: true, authToken: false })).toEqual({});
    const moved = { ...form, accountId: " whatsapp:+14155230002 ", accountSid: SID };
    expect(updateInput("b1", moved, 3)).toEqual({
      bindingId: "b1",
      expectedVersion: 3,
      channelUsername: "",
      channelAccountId: "whatsapp:+14155230002",
      metadata: { provider: "twilio", accountSid: SID },
    });
    expect(updateInput("b1", form, 3)).toMatchObject({ metadata: { provider: "twilio" } });
    // Giving up the binding's own token for Channel settings' sends null, never a stand-in.
    expect(updateInput("b1", { ...form, useSettingsAuthToken: true }, 3)).toMatchObject({
      accessToken: null,
    });
    expect(credentialsChanged({ ...form, useSettingsAuthToken: true }, current)).toBe(true);
  });

  it("is verified again when the sender, SID or token changed, not for a new username", () => {
    expect(credentialsChanged({ ...form, username: "clinic" }, current)).toBe(false);
    expect(credentialsChanged({ ...form, accountId: "whatsapp:+14155230002" }, current)).toBe(true);
    expect(credentialsChanged({ ...form, accountSid: SID }, current)).toBe(true);
    expect(credentialsChanged({ ...form, accessToken: "new" }, current)).toBe(true);
  });

  it("verify's sender problems are codes the console words; the sandbox is said", () => {
    const refused = {
      bindingId: "b1",
      isVerified: false,
      status: "verification_failed",
      reason: "whatsapp:+14155230001 is not a WhatsApp sender of Twilio account AC…",
      twilioSender: { id: "whatsapp:+14155230001", problem: "not_on_account", status: null },
    } as VerifyResult;
    expect(verifySummary(refused)).toEqual({
      tone: "error",
      kind: "twilioSender",
      sender: "whatsapp:+14155230001",
      problem: "not_on_account",
      status: null,
    });
    const sandbox = {
      bindingId: "b1",
      isVerified: true,
      status: "verified",
      provider: "twilio",
      account: { id: SID, username: null, name: "Clinic" },
      sender: { id: "whatsapp:+14155238886", kind: "sandbox" },
    } as VerifyResult;
    expect(verifySummary(sandbox)).toEqual({
      tone: "ok",
      kind: "twilio",
      account: `Clinic · ${SID}`,
      sandbox: true,
    });
  });
});

describe("a binding's last error in the console's language", () => {
  const sender = "whatsapp:+14155230999";
  const english = `${sender} is not a WhatsApp sender of Twilio account AC0: check the sender`;
  const notOnAccount = {
    kind: "twilio_sender",
    sender,
    problem: "not_on_account",
    status: null,
  } as const;

  it("words a known reason in Russian, never the API's English sentence", () => {
    const text = bindingErrorText({ reason: notOnAccount, text: english }, channels.ru);
    expect(text).toContain(`${sender} не является отправителем WhatsApp этого аккаунта Twilio`);
    expect(text).not.toContain("is not a WhatsApp sender");
    expect(
      bindingErrorText(
        { reason: { kind: "messaging_window", window: "whatsapp_24h" }, text: "WhatsApp allows…" },
        channels.ru,
      ),
    ).toMatch(/^Ответ не отправлен: WhatsApp разрешает/);
    expect(
      bindingErrorText(
        { reason: { kind: "twilio_auth_refused", accountSid: "AC1" }, text: "Twilio refused" },
        channels.ru,
      ),
    ).toBe(
      "Twilio не принял Auth token для аккаунта AC1: проверьте Auth token (в этом подключении или в настройках каналов).",
    );
  });

  it("shows a platform's own words as they are, under a label in the console's language", () => {
    const raw = "(#100) Invalid parameter";
    expect(bindingErrorText({ reason: null, text: raw }, channels.ru)).toBe(
      `ответ платформы (как есть): ${raw}`,
    );
    expect(bindingErrorText({ reason: undefined, text: raw }, channels.en)).toBe(
      `the platform's own words: ${raw}`,
    );
  });
});
