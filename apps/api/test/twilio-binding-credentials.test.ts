import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTwilio, type FakeTwilio } from "./fakes/fake-twilio";
import {
  conversationWith,
  echo,
  messagesOf,
  startChannels,
  type Channels,
} from "./helpers/channels-kit";
import { failure } from "./helpers/router-kit";
import {
  bindTwilio,
  postTwilio,
  TWILIO_APP_URL,
  twilioBindingOf,
  twilioIncoming,
} from "./helpers/twilio-kit";
import { ensureAgent } from "./helpers/webhook-kit";

// Twilio bindings' credentials as stored and resolved (the binding's own, else the channel settings',
// where the environment wins over the console), its sender checked by bindings.verify, and its sender
// and account SID changed after creation. Everything Twilio answers comes from the local fake, which
// speaks the wire format of the pages cited in fakes/fake-twilio.ts.

const AGENT = "twilio_credentials_clinic";
const SETTINGS_TOKEN = "twilio-auth-token-of-channel-settings";
const OWN_TOKEN = "twilio-auth-token-of-a-binding";
const LEGACY_STAND_IN = "inherit:channel-settings";

let c: Channels;
let twilio: FakeTwilio;
let settingsSid: string;
let ownSid: string;

const incoming = (sid: string, to: string, from: string, body: string, accountSid: string) =>
  twilioIncoming({ sid, from, to, accountSid, body });

const post = (kind: "messages" | "status", params: Record<string, string>, authToken: string) =>
  postTwilio(c, twilio, kind, params, authToken);

const bindingOf = (sender: string) => twilioBindingOf(c, AGENT, sender);

/** A customer writes to `sender`, signed with `token`; the agent's answer goes out through Twilio. */
async function converse(sender: string, waId: string, token: string, accountSid: string) {
  const sid = `SM${waId.padStart(32, "0")}`;
  const res = await post(
    "messages",
    incoming(sid, sender, waId, `Hi from ${waId}`, accountSid),
    token,
  );
  expect(res.status).toBe(200);
  await c.workers.settled();
  const conversation = await conversationWith(c, AGENT, "whatsapp", waId);
  const sent = twilio.sent.at(-1);
  expect(sent).toMatchObject({
    from: sender,
    to: `whatsapp:+${waId}`,
    body: echo(`Hi from ${waId}`),
  });
  // Twilio reports delivery to the status callback, signed with the same account's token.
  const status = await post(
    "status",
    {
      MessageSid: sent?.sid ?? "",
      MessageStatus: "delivered",
      AccountSid: accountSid,
      From: sender,
      To: `whatsapp:+${waId}`,
      ApiVersion: "2010-04-01",
    },
    token,
  );
  expect(status.status).toBe(200);
  await c.workers.settled();
  const answer = (await messagesOf(c.deps, conversation.conversationId)).find(
    (m) => m.role === "agent",
  );
  expect(answer?.deliveryStatus).toBe("delivered");
  return sent;
}

beforeAll(async () => {
  twilio = await startFakeTwilio();
  c = await startChannels({
    env: {
      APP_URL: TWILIO_APP_URL,
      TWILIO_API_BASE_URL: twilio.url,
      TWILIO_MESSAGING_BASE_URL: twilio.url,
    },
  });
  settingsSid = twilio.addAccount(SETTINGS_TOKEN);
  ownSid = twilio.addAccount(OWN_TOKEN);
  await c.deps.channelSecrets.set("twilio_account_sid", settingsSid);
  await c.deps.channelSecrets.set("twilio_auth_token", SETTINGS_TOKEN);
  await ensureAgent(c.deps, AGENT);
});
afterAll(async () => {
  await c.close();
  await twilio.close();
});

describe("a Twilio binding without its own auth token says so instead of storing a stand-in", () => {
  const SENDER = "whatsapp:+14155230101";

  it("its metadata names the channel settings, no token is stored, and the console sees where each credential comes from", async () => {
    const created = await bindTwilio(c, AGENT, SENDER);
    expect(created.metadata).toEqual({ provider: "twilio", auth: "channel_settings" });
    expect(await c.deps.repos.channelBindings.getAccessToken(created.bindingId)).toBeNull();
    expect((await bindingOf(SENDER)).twilio).toEqual({
      accountSid: "channel_settings",
      authToken: "channel_settings",
      ownAccountSid: null,
    });
  });

  it("webhooks, replies, status callbacks and verify all use the channel settings' account", async () => {
    twilio.addSender(settingsSid, SENDER);
    const sent = await converse(SENDER, "14155550201", SETTINGS_TOKEN, settingsSid);
    expect(sent?.accountSid).toBe(settingsSid);
    const binding = await bindingOf(SENDER);
    const outcome = await c.admin.bindings.verify({ bindingId: binding.bindingId });
    expect(outcome).toMatchObject({ status: "verified", account: { id: settingsSid } });
  });

  it("a binding with its own token and SID says so, and its own account answers", async () => {
    const sender = "whatsapp:+14155230102";
    twilio.addSender(ownSid, sender);
    const created = await bindTwilio(c, AGENT, sender, {
      authToken: OWN_TOKEN,
      accountSid: ownSid,
    });
    expect(created.metadata).toEqual({ provider: "twilio", accountSid: ownSid, auth: "binding" });
    expect((await bindingOf(sender)).twilio).toEqual({
      accountSid: "binding",
      authToken: "binding",
      ownAccountSid: ownSid,
    });
    expect((await converse(sender, "14155550202", OWN_TOKEN, ownSid))?.accountSid).toBe(ownSid);
  });

  it("a binding an earlier version saved with the stand-in token keeps working from the channel settings", async () => {
    const sender = "whatsapp:+14155230103";
    twilio.addSender(settingsSid, sender);
    const legacy = await c.deps.repos.channelBindings.create({
      agentId: AGENT,
      channelType: "whatsapp",
      channelAccountId: sender,
      accessToken: LEGACY_STAND_IN,
      metadata: { provider: "twilio" },
    });
    expect((await bindingOf(sender)).twilio?.authToken).toBe("channel_settings");
    expect((await converse(sender, "14155550203", SETTINGS_TOKEN, settingsSid))?.accountSid).toBe(
      settingsSid,
    );
    expect(await c.admin.bindings.verify({ bindingId: legacy.bindingId })).toMatchObject({
      status: "verified",
    });
    // A webhook signed with the stand-in itself is refused: it was never a secret.
    const forged = await post(
      "messages",
      incoming("SM000000000000000000000000000forged", sender, "14155550299", "x", settingsSid),
      LEGACY_STAND_IN,
    );
    expect(forged.status).toBe(403);
  });
});

describe("bindings.verify checks the Twilio sender belongs to the account", () => {
  it("a sender that is neither a WhatsApp sender nor a number of the account fails, naming it", async () => {
    const sender = "whatsapp:+14155230201";
    const binding = await bindTwilio(c, AGENT, sender);
    const outcome = await c.admin.bindings.verify({ bindingId: binding.bindingId });
    expect(outcome).toMatchObject({
      status: "verification_failed",
      isVerified: false,
      twilioSender: { id: sender, problem: "not_on_account", status: null },
    });
    expect("reason" in outcome && outcome.reason).toContain(
      `${sender} is not a WhatsApp sender of Twilio account ${settingsSid}`,
    );
    expect(twilio.lookups).toContain(`senders ${settingsSid}`);
    expect(twilio.lookups).toContain(`numbers ${settingsSid} +14155230201`);
    expect((await bindingOf(sender)).lastError).toMatch(/not a WhatsApp sender/);
    // The channel health carries the reason as facts, for the console to word in its language.
    const health = await c.admin.bindings.health({ agentId: AGENT });
    expect(health.items.find((b) => b.channelAccountId === sender)?.lastErrorReason).toEqual({
      kind: "twilio_sender",
      sender,
      problem: "not_on_account",
      status: null,
    });
  });

  it("a number of the account not registered for WhatsApp, and a sender still registering, say what to do", async () => {
    const number = "whatsapp:+14155230202";
    twilio.addNumber(settingsSid, "+14155230202");
    const plain = await bindTwilio(c, AGENT, number);
    expect(await c.admin.bindings.verify({ bindingId: plain.bindingId })).toMatchObject({
      status: "verification_failed",
      twilioSender: { problem: "not_whatsapp" },
    });

    const pending = "whatsapp:+14155230203";
    twilio.addSender(settingsSid, pending, "PENDING_VERIFICATION");
    const registering = await bindTwilio(c, AGENT, pending);
    expect(await c.admin.bindings.verify({ bindingId: registering.bindingId })).toMatchObject({
      status: "verification_failed",
      twilioSender: { problem: "not_online", status: "PENDING_VERIFICATION" },
    });
  });

  it("another account's sender is not this account's; the sandbox's shared number is taken as it is", async () => {
    const theirs = "whatsapp:+14155230204";
    twilio.addSender(ownSid, theirs);
    const binding = await bindTwilio(c, AGENT, theirs);
    expect(await c.admin.bindings.verify({ bindingId: binding.bindingId })).toMatchObject({
      status: "verification_failed",
      twilioSender: { problem: "not_on_account" },
    });

    const sandbox = await bindTwilio(c, AGENT, "whatsapp:+14155238886");
    expect(await c.admin.bindings.verify({ bindingId: sandbox.bindingId })).toMatchObject({
      status: "verified",
      sender: { id: "whatsapp:+14155238886", kind: "sandbox" },
    });
  });

  it("finds a sender on a later page of the Senders API", async () => {
    for (let i = 0; i < 120; i++) {
      twilio.addSender(settingsSid, `whatsapp:+1415600${String(i).padStart(4, "0")}`);
    }
    const last = "whatsapp:+14156000119";
    const binding = await bindTwilio(c, AGENT, last);
    expect(await c.admin.bindings.verify({ bindingId: binding.bindingId })).toMatchObject({
      status: "verified",
      sender: { id: last, kind: "whatsapp_sender" },
    });
  });
});

describe("a Twilio binding's sender, account SID and auth token change after creation", () => {
  const FIRST = "whatsapp:+14155230301";
  const SECOND = "whatsapp:+14155230302";

  it("staff move it to another sender and account, then back to the channel settings; each change is checked and audited", async () => {
    twilio.addSender(settingsSid, FIRST);
    twilio.addSender(ownSid, SECOND);
    const created = await bindTwilio(c, AGENT, FIRST);
    await c.admin.bindings.verify({ bindingId: created.bindingId });

    const moved = await c.admin.bindings.update({
      bindingId: created.bindingId,
      channelAccountId: SECOND,
      accessToken: OWN_TOKEN,
      metadata: { provider: "twilio", accountSid: ownSid },
    });
    expect(moved).toMatchObject({
      channelAccountId: SECOND,
      isVerified: false,
      metadata: { provider: "twilio", accountSid: ownSid, auth: "binding" },
    });
    expect((await converse(SECOND, "14155550301", OWN_TOKEN, ownSid))?.accountSid).toBe(ownSid);
    expect(await c.admin.bindings.verify({ bindingId: created.bindingId })).toMatchObject({
      status: "verified",
      account: { id: ownSid },
    });

    const back = await c.admin.bindings.update({
      bindingId: created.bindingId,
      channelAccountId: FIRST,
      accessToken: null,
      metadata: { provider: "twilio" },
    });
    expect(back.metadata).toEqual({ provider: "twilio", auth: "channel_settings" });
    expect(await c.deps.repos.channelBindings.getAccessToken(created.bindingId)).toBeNull();
    expect((await converse(FIRST, "14155550302", SETTINGS_TOKEN, settingsSid))?.accountSid).toBe(
      settingsSid,
    );
    const audit = await c.deps.repos.audit.list({ resourceId: created.bindingId });
    expect(audit.items.filter((entry) => entry.action === "binding.update")).toHaveLength(2);
    expect(JSON.stringify(audit.items)).not.toContain(OWN_TOKEN);
  });

  it("a malformed sender or account SID, another binding's sender, or a sender change on a Meta binding is a clear 4xx", async () => {
    const twilioBinding = await bindingOf(FIRST);
    type UpdateInput = Parameters<Channels["admin"]["bindings"]["update"]>[0];
    const update = (input: Omit<UpdateInput, "bindingId">) =>
      failure(c.admin.bindings.update({ bindingId: twilioBinding.bindingId, ...input }));
    const sender = await update({ channelAccountId: "+14155230399" });
    expect(sender.code).toBe("BAD_REQUEST");
    expect(sender.message).toMatch(/whatsapp:\+14155238886/);
    const sid = await update({ metadata: { provider: "twilio", accountSid: "AC123" } });
    expect(sid.code).toBe("BAD_REQUEST");
    expect(sid.message).toMatch(/AC followed by 32/);
    expect((await update({ metadata: { provider: "meta" } })).code).toBe("BAD_REQUEST");
    expect((await update({ channelAccountId: "whatsapp:+14155230102" })).code).toBe("CONFLICT");

    const meta = await c.deps.repos.channelBindings.create({
      agentId: AGENT,
      channelType: "whatsapp",
      channelAccountId: "106540352240301",
      accessToken: "EAAG-meta-token",
    });
    const metaSender = await failure(
      c.admin.bindings.update({ bindingId: meta.bindingId, channelAccountId: "106540352240302" }),
    );
    expect(metaSender.code).toBe("BAD_REQUEST");
    expect(metaSender.message).toMatch(/only a Twilio/);
    expect(
      await failure(c.admin.bindings.update({ bindingId: meta.bindingId, accessToken: null })),
    ).toMatchObject({ code: "BAD_REQUEST" });
    // Nothing changed.
    expect((await bindingOf(FIRST)).version).toBe(twilioBinding.version);
  });
});
