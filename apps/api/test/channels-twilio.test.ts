import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { png } from "@agents-crm/files/testing";
import { TWILIO_WEBHOOK_PATHS } from "@agents-crm/config/twilio";
import { startFakeTwilio, type FakeTwilio } from "./fakes/fake-twilio";
import {
  conversationOf,
  conversationWith as channelConversation,
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

const ADMIN_TOKEN = "twilio-admin-token-0123456789abcdef";
const APP_URL = TWILIO_APP_URL;
const AGENT = "twilio_clinic";
const SENDER = "whatsapp:+14155238886";
const SETTINGS_SENDER = "whatsapp:+14155230000";
const AUTH_TOKEN = "twilio-auth-token-of-the-binding";
const SETTINGS_TOKEN = "twilio-auth-token-of-the-account";

let c: Channels;
let twilio: FakeTwilio;
let accountSid: string;

const incoming = (sid: string, from: string, extra: Record<string, string> = {}) =>
  twilioIncoming({ sid, from, to: SENDER, accountSid }, extra);

const postMessage = (params: Record<string, string>, authToken = AUTH_TOKEN) =>
  postTwilio(c, twilio, "messages", params, authToken);

const postStatus = (params: Record<string, string>, authToken = AUTH_TOKEN) =>
  postTwilio(c, twilio, "status", params, authToken);

beforeAll(async () => {
  twilio = await startFakeTwilio();
  c = await startChannels({
    env: { ADMIN_TOKEN, APP_URL, TWILIO_API_BASE_URL: twilio.url },
  });
  accountSid = twilio.addAccount(AUTH_TOKEN);
  await ensureAgent(c.deps, AGENT);
  await bindTwilio(c, AGENT, SENDER, { authToken: AUTH_TOKEN, accountSid });
});
afterAll(async () => {
  await c.close();
  await twilio.close();
});

const conversationWith = (waId: string) => channelConversation(c, AGENT, "whatsapp", waId);

describe("Twilio WhatsApp: a customer writes, the AI answers through Twilio's Messages API", () => {
  it("a text gets an AI answer sent from the binding's sender, with a status callback address", async () => {
    const res = await postMessage(
      incoming("SM00000000000000000000000000000001", "14155550101", {
        Body: "Do you work on Saturday?",
      }),
    );
    expect(res.status).toBe(200);
    expect(res.type).toContain("text/xml");
    expect(res.text).toContain("<Response></Response>");
    await c.workers.settled();

    const conversation = await conversationWith("14155550101");
    const messages = await messagesOf(c.deps, conversation.conversationId);
    expect(messages.map((m) => [m.role, m.content])).toEqual([
      ["user", "Do you work on Saturday?"],
      ["agent", echo("Do you work on Saturday?")],
    ]);
    const sent = twilio.sent.at(-1);
    expect(sent).toMatchObject({
      accountSid,
      from: SENDER,
      to: "whatsapp:+14155550101",
      body: echo("Do you work on Saturday?"),
      statusCallback: `${APP_URL}${TWILIO_WEBHOOK_PATHS.status}`,
    });
    expect(messages[1]?.deliveryStatus).toBe("sent");
  });

  it("Twilio re-delivering the same MessageSid stores and answers it once", async () => {
    const params = incoming("SM00000000000000000000000000000002", "14155550102", {
      Body: "Hello twice",
    });
    const before = twilio.sent.length;
    expect((await postMessage(params)).status).toBe(200);
    expect((await postMessage(params)).status).toBe(200);
    await c.workers.settled();
    const conversation = await conversationWith("14155550102");
    expect((await messagesOf(c.deps, conversation.conversationId)).map((m) => m.role)).toEqual([
      "user",
      "agent",
    ]);
    expect(twilio.sent.length).toBe(before + 1);
  });

  it("a photo with a caption is fetched from Twilio with basic auth, stored, reaches staff and is answered", async () => {
    const sid = "MM00000000000000000000000000000003";
    const mediaUrl = twilio.addMedia(accountSid, sid, png(40, 30), "image/png");
    const res = await postMessage(
      incoming(sid, "14155550103", {
        Body: "Is this rash serious?",
        NumMedia: "1",
        MessageType: "image",
        MediaContentType0: "image/png",
        MediaUrl0: mediaUrl,
      }),
    );
    expect(res.status).toBe(200);
    await c.workers.settled();
    expect(twilio.mediaFetches).toHaveLength(1);
    const conversation = await conversationWith("14155550103");
    const [photo, answer] = await messagesOf(c.deps, conversation.conversationId);
    expect(photo).toMatchObject({ role: "user", kind: "photo" });
    expect(photo?.content).toContain("Is this rash serious?");
    // Stored in our file store: staff see the photo, not Twilio's link.
    expect(photo?.fileIds).toHaveLength(1);
    expect(answer?.role).toBe("agent");
    expect(twilio.sent.at(-1)?.to).toBe("whatsapp:+14155550103");
  });

  it("status callbacks move the message forward (delivered, read) through recordDeliveryStatus", async () => {
    const conversation = await conversationWith("14155550101");
    const sid = twilio.sent.find((s) => s.to === "whatsapp:+14155550101")?.sid ?? "";
    for (const status of ["sent", "delivered", "read"]) {
      const res = await postStatus({
        MessageSid: sid,
        SmsSid: sid,
        MessageStatus: status,
        SmsStatus: status,
        AccountSid: accountSid,
        From: SENDER,
        To: "whatsapp:+14155550101",
        ApiVersion: "2010-04-01",
        ChannelPrefix: "whatsapp",
      });
      expect(res.status).toBe(200);
    }
    await c.workers.settled();
    const answer = (await messagesOf(c.deps, conversation.conversationId)).find(
      (m) => m.role === "agent",
    );
    expect(answer?.deliveryStatus).toBe("read");
  });

  it("a staff reply with an image goes out with a signed link to the file, and an undelivered callback shows Twilio's reason", async () => {
    const conversation = await conversationWith("14155550103");
    const upload = await fetch(`${c.t.url}/files`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        "content-type": "image/png",
        "x-file-name": "map.png",
        "x-conversation-id": conversation.conversationId,
      },
      body: new Uint8Array(png(32, 32)),
    });
    const { file } = (await upload.json()) as { file: { fileId: string } };
    const { message } = await c.admin.conversations.reply({
      conversationId: conversation.conversationId,
      content: "Here is how to find us",
      fileIds: [file.fileId],
    });
    await c.workers.settled();
    const sent = twilio.sent.at(-1);
    expect(sent).toMatchObject({ to: "whatsapp:+14155550103", body: "Here is how to find us" });
    expect(sent?.mediaUrls).toHaveLength(1);
    const link = new URL(sent?.mediaUrls[0] ?? "");
    expect(link.origin).toBe(APP_URL);
    // The signed link serves the image (as Twilio would fetch it through the proxy).
    const fetched = await fetch(`${c.t.url}${link.pathname}${link.search}`);
    expect([fetched.status, fetched.headers.get("content-type")]).toEqual([200, "image/png"]);

    await postStatus({
      MessageSid: sent?.sid ?? "",
      MessageStatus: "undelivered",
      ErrorCode: "63016",
      AccountSid: accountSid,
      From: SENDER,
      To: "whatsapp:+14155550103",
    });
    await c.workers.settled();
    const stored = (await messagesOf(c.deps, conversation.conversationId)).find(
      (m) => m.messageId === message.messageId,
    );
    expect(stored?.deliveryStatus).toBe("failed");
    expect(JSON.stringify(stored)).toContain("Outside the 24-hour window");
  });

  it("Twilio refusing a send with 63016 marks the reply failed with words staff understand, without retrying", async () => {
    const conversation = await conversationWith("14155550102");
    twilio.failNext({
      status: 400,
      code: 63016,
      message: "Failed to send freeform message because you are outside the allowed window.",
    });
    const before = twilio.sent.length;
    const { message } = await c.admin.conversations.reply({
      conversationId: conversation.conversationId,
      content: "Are you still there?",
    });
    await c.workers.settled();
    const stored = (await messagesOf(c.deps, conversation.conversationId)).find(
      (m) => m.messageId === message.messageId,
    );
    expect(stored?.deliveryStatus).toBe("failed");
    expect(JSON.stringify(stored)).toContain("Outside the 24-hour window");
    expect(twilio.sent.length).toBe(before);
  });

  it("a binding without its own token uses the account's credentials from the channel settings", async () => {
    const sid = twilio.addAccount(SETTINGS_TOKEN);
    await c.deps.channelSecrets.set("twilio_account_sid", sid);
    await c.deps.channelSecrets.set("twilio_auth_token", SETTINGS_TOKEN);
    await ensureAgent(c.deps, "twilio_settings_clinic");
    await bindTwilio(c, "twilio_settings_clinic", SETTINGS_SENDER);
    const res = await postMessage(
      {
        ...incoming("SM00000000000000000000000000000009", "14155550109", { Body: "Via settings" }),
        To: SETTINGS_SENDER,
        AccountSid: sid,
      },
      SETTINGS_TOKEN,
    );
    expect(res.status).toBe(200);
    await c.workers.settled();
    expect(twilio.sent.at(-1)).toMatchObject({
      accountSid: sid,
      from: SETTINGS_SENDER,
      body: echo("Via settings"),
    });
  });
});

describe("Twilio webhooks refuse what Twilio did not send", () => {
  const url = () => `${c.t.url}${TWILIO_WEBHOOK_PATHS.messages}`;

  it("a wrong signature is 403, a missing one 401, and nothing is stored", async () => {
    const params = incoming("SM00000000000000000000000000000666", "14155550666", {
      Body: "forged",
    });
    const forged = await twilio.webhook({
      authToken: "not-the-token",
      publicUrl: `${APP_URL}${TWILIO_WEBHOOK_PATHS.messages}`,
      deliverTo: url(),
      params,
    });
    expect(forged.status).toBe(403);
    // Signed over the address the server saw instead of the public one: refused too.
    const local = await twilio.webhook({
      authToken: AUTH_TOKEN,
      publicUrl: url(),
      deliverTo: url(),
      params,
    });
    expect(local.status).toBe(403);
    const unsigned = await fetch(url(), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(params).toString(),
    });
    expect(unsigned.status).toBe(401);
    await c.workers.settled();
    expect(await conversationOf(c.deps, AGENT, "whatsapp", "14155550666")).toEqual([]);
  });

  it("oversized bodies are 413, JSON is 415, GET is 405", async () => {
    const big = await fetch(url(), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "x" },
      body: `Body=${"a".repeat(70 * 1024)}`,
    });
    expect(big.status).toBe(413);
    const json = await fetch(url(), {
      method: "POST",
      headers: { "content-type": "application/json", "x-twilio-signature": "x" },
      body: "{}",
    });
    expect(json.status).toBe(415);
    expect((await fetch(url())).status).toBe(405);
  });
});

describe("Twilio bindings are checked when they are made", () => {
  const refusal = async (input: Parameters<Channels["admin"]["bindings"]["create"]>[0]) =>
    (await failure(c.admin.bindings.create(input))).message;

  it("refuses a sender that is not whatsapp:+E164, a malformed account SID, and a Meta binding without a token", async () => {
    expect(
      await refusal({
        agentId: AGENT,
        channelType: "whatsapp",
        channelAccountId: "+14155238887",
        metadata: { provider: "twilio" },
      }),
    ).toMatch(/whatsapp:\+14155238886/);
    expect(
      await refusal({
        agentId: AGENT,
        channelType: "whatsapp",
        channelAccountId: "whatsapp:+14155238887",
        metadata: { provider: "twilio", accountSid: "AC-nope" },
      }),
    ).toMatch(/AC followed by 32 hexadecimal/);
    expect(
      await refusal({
        agentId: AGENT,
        channelType: "whatsapp",
        channelAccountId: "106540352249999",
      }),
    ).toMatch(/accessToken/);
  });
});

describe("bindings.verify asks Twilio for the account (GET /2010-04-01/Accounts/{Sid}.json)", () => {
  const bindingOf = (sender: string) => twilioBindingOf(c, AGENT, sender);

  it("verifies a binding whose credentials open an active account", async () => {
    const binding = await bindingOf(SENDER);
    const outcome = await c.admin.bindings.verify({ bindingId: binding.bindingId });
    expect(outcome).toMatchObject({
      status: "verified",
      isVerified: true,
      provider: "twilio",
      account: { id: accountSid, username: null, name: "Clinic account" },
    });
    expect(JSON.stringify(outcome)).not.toContain(AUTH_TOKEN);
  });

  it("a wrong auth token (401) and an unknown account SID (404) fail with what to check", async () => {
    const wrongToken = await bindTwilio(c, AGENT, "whatsapp:+14155230002", {
      authToken: "not-the-auth-token",
      accountSid: accountSid,
    });
    const refused = await c.admin.bindings.verify({ bindingId: wrongToken.bindingId });
    expect(refused).toMatchObject({ status: "verification_failed", isVerified: false });
    expect("reason" in refused && refused.reason).toMatch(/refused the auth token/);
    expect(JSON.stringify(refused)).not.toContain("not-the-auth-token");

    const unknownSid = `AC${"f".repeat(32)}`;
    const unknown = await bindTwilio(c, AGENT, "whatsapp:+14155230003", {
      authToken: AUTH_TOKEN,
      accountSid: unknownSid,
    });
    const missing = await c.admin.bindings.verify({ bindingId: unknown.bindingId });
    expect(missing).toMatchObject({ status: "verification_failed" });
    expect("reason" in missing && missing.reason).toMatch(new RegExp(`no account ${unknownSid}`));
    expect((await bindingOf("whatsapp:+14155230003")).lastError).toMatch(/check the account SID/);
  });
});
