import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bindWhatsApp,
  conversationOf,
  echo,
  messagesOf,
  postWhatsApp,
  startChannels,
  type Channels,
} from "./helpers/channels-kit";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { whatsappChange } from "./helpers/webhook-kit";

// WhatsApp users who adopted a username (since April 2026): Meta sends a business-scoped user id
// (BSUID) in contacts[].user_id and messages[].from_user_id, the username in contacts[].profile, and
// omits wa_id / from when it withholds the number; replies go to the BSUID in the send API's
// `recipient` field (`to` is for numbers and wins when both are sent).
// https://developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids/
// https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/order

const WA = "106540352240777";
const AGENT = "username_clinic";
const BSUID = "US.13491208655302741918";
let c: Channels;

beforeAll(async () => {
  c = await startChannels();
  await bindWhatsApp(c, { phoneNumberId: WA, agentId: AGENT });
});
afterAll(() => c.close());

interface Sender {
  waId?: string;
  userId?: string;
  name?: string;
  username?: string;
}

/** One `messages` change carrying each sender's text, shaped as Meta's BSUID page shows. */
function delivery(items: { sender: Sender; id: string; text: string }[], extra: unknown[] = []) {
  const now = String(Math.floor(Date.now() / 1000));
  return whatsappChange(WA, {
    contacts: items.map(({ sender }) => ({
      profile: {
        ...(sender.name ? { name: sender.name } : {}),
        ...(sender.username ? { username: sender.username } : {}),
      },
      ...(sender.waId ? { wa_id: sender.waId } : {}),
      ...(sender.userId ? { user_id: sender.userId } : {}),
    })),
    messages: [
      ...items.map(({ sender, id, text }) => ({
        ...(sender.waId ? { from: sender.waId } : {}),
        ...(sender.userId ? { from_user_id: sender.userId } : {}),
        id,
        timestamp: now,
        type: "text",
        text: { body: text },
      })),
      ...extra,
    ],
  });
}

describe("WhatsApp username users (BSUID)", () => {
  it("a message without a number is answered through `recipient`, and a bad item beside it costs nobody", async () => {
    const res = await postWhatsApp(
      c,
      delivery(
        [
          {
            sender: { userId: BSUID, name: "Sheena Nelson", username: "@realsheenanelson" },
            id: "wamid.user.01",
            text: "Do you have a slot on Friday?",
          },
          { sender: { waId: "971501112299" }, id: "wamid.user.02", text: "And Saturday?" },
        ],
        // Neither from nor from_user_id: nobody to answer. It must not cost the two others.
        [{ id: "wamid.user.03", timestamp: "1", type: "text", text: { body: "?" } }],
      ),
    );
    expect(res.status).toBe(200);
    await c.workers.settled();

    const [conversation] = await conversationOf(c.deps, AGENT, "whatsapp", BSUID);
    expect(conversation).toBeDefined();
    const [other] = await conversationOf(c.deps, AGENT, "whatsapp", "971501112299");
    expect(other).toBeDefined();
    // The BSUID went in `recipient` (no `to`: the fake refuses a BSUID there, as Meta does).
    expect(c.graph.sent({ to: BSUID })).toEqual([
      expect.objectContaining({
        text: echo("Do you have a slot on Friday?"),
        recipientField: "recipient",
      }),
    ]);
    expect(c.graph.sent({ to: "971501112299" })).toEqual([
      expect.objectContaining({ recipientField: "to" }),
    ]);

    const contact = await c.admin.contacts.byId({ contactId: conversation?.contactId ?? "" });
    expect(contact.contact.identities).toEqual([
      expect.objectContaining({
        channel: "whatsapp",
        externalUserId: BSUID,
        username: "@realsheenanelson",
        displayName: "Sheena Nelson",
      }),
    ]);
    expect(contact.contact.phones).toEqual([]);
  });

  it("when the number shows up beside the BSUID, the same conversation goes on and the contact gets the phone", async () => {
    await postWhatsApp(
      c,
      delivery([
        {
          sender: { waId: "16505551234", userId: BSUID, username: "@realsheenanelson" },
          id: "wamid.user.04",
          text: "My number is this one, by the way",
        },
      ]),
    );
    await c.workers.settled();
    expect(await conversationOf(c.deps, AGENT, "whatsapp", "16505551234")).toEqual([]);
    const [conversation] = await conversationOf(c.deps, AGENT, "whatsapp", BSUID);
    const texts = (await messagesOf(c.deps, conversation?.conversationId ?? "")).map(
      (m) => m.content,
    );
    expect(texts).toContain("My number is this one, by the way");
    const contact = await c.admin.contacts.byId({ contactId: conversation?.contactId ?? "" });
    expect(contact.contact.phones).toEqual(["+16505551234"]);
  });

  it("a customer known by number keeps the conversation when Meta stops sending the number", async () => {
    const userId = "AE.8812004455667788";
    await postWhatsApp(
      c,
      delivery([{ sender: { waId: "971501110000", userId }, id: "wamid.user.05", text: "Hi" }]),
    );
    await c.workers.settled();
    await postWhatsApp(
      c,
      delivery([
        {
          sender: { userId, username: "@omar" },
          id: "wamid.user.06",
          text: "I took a username",
        },
      ]),
    );
    await c.workers.settled();
    expect(await conversationOf(c.deps, AGENT, "whatsapp", userId)).toEqual([]);
    const [conversation] = await conversationOf(c.deps, AGENT, "whatsapp", "971501110000");
    const texts = (await messagesOf(c.deps, conversation?.conversationId ?? "")).map(
      (m) => m.content,
    );
    expect(texts).toEqual(expect.arrayContaining(["Hi", "I took a username"]));
    // The reply to the second message still goes to the number it was keyed by.
    expect(c.graph.sent({ to: "971501110000" })).toHaveLength(2);
    const contact = await c.admin.contacts.byId({ contactId: conversation?.contactId ?? "" });
    expect(contact.contact.identities[0]?.username).toBe("@omar");
  });

  it("erasing the person forgets their BSUID and the ids of what we sent them", async () => {
    const [conversation] = await conversationOf(c.deps, AGENT, "whatsapp", BSUID);
    const alias = `whatsapp-bsuid#${AGENT}#${BSUID}`;
    expect(await c.deps.repos.kv.get(alias)).toBe(BSUID);
    const [sent] = c.graph.sent({ to: BSUID });
    expect(
      await c.deps.repos.sentMessageRefs.find("whatsapp", sent?.messageId ?? ""),
    ).not.toBeNull();
    const admin = await seedUser(c.deps, { role: "admin", name: "Erasing Admin" });
    await callerAs(c.deps, principalOf(admin)).contacts.erase({
      contactId: conversation?.contactId ?? "",
    });
    expect(await c.deps.repos.kv.get(alias)).toBeNull();
    expect(await c.deps.repos.sentMessageRefs.find("whatsapp", sent?.messageId ?? "")).toBeNull();
  });
});
