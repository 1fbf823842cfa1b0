import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelAnswer, waitUntil } from "./helpers/chat-kit";
import {
  bindInstagram,
  conversationOf,
  echo,
  echoResponder,
  igItem,
  instagramBody,
  messagesOf,
  postInstagram,
  startChannels,
  type Channels,
} from "./helpers/channels-kit";

const ACCOUNT = "17841400000000101";
const AGENT = "ig_clinic";
let c: Channels;

beforeAll(async () => {
  c = await startChannels();
  await bindInstagram(c, { accountId: ACCOUNT, agentId: AGENT });
});
afterAll(() => c.close());

const text = (sender: string, mid: string, body: string, timestamp = Date.now()) =>
  instagramBody(ACCOUNT, [igItem(ACCOUNT, sender, { message: { mid, text: body } }, timestamp)]);

async function onlyConversation(sender: string) {
  const found = await conversationOf(c.deps, AGENT, "instagram", sender);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe("Instagram DMs end to end", () => {
  it("a DM delivered three times is stored once and answered once", async () => {
    const body = text("9100000000000001", "mid.dup.1", "Do you whiten teeth?");
    const first = await postInstagram(c, body);
    const [second, third] = await Promise.all([postInstagram(c, body), postInstagram(c, body)]);
    for (const res of [first, second, third]) expect(res.status).toBe(200);
    await c.workers.settled();

    const sent = c.graph.sent({ to: "9100000000000001" });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ api: "instagram", accountId: ACCOUNT });
    expect(sent[0]?.text).toContain(echo("Do you whiten teeth?"));
    expect(sent[0]?.messagingType).toBeUndefined();

    const conversation = await onlyConversation("9100000000000001");
    expect(conversation).toMatchObject({ status: "AI_ACTIVE", stage: "NEW" });
    const messages = await messagesOf(c.deps, conversation.conversationId);
    expect(messages.map((m) => [m.role, m.kind])).toEqual([
      ["user", "text"],
      ["agent", "text"],
    ]);
    expect(messages[0]).toMatchObject({
      content: "Do you whiten teeth?",
      externalMessageId: "mid.dup.1",
    });
    expect(messages[1]).toMatchObject({
      deliveryStatus: "sent",
      externalMessageId: sent[0]?.messageId,
    });
  });

  it("two messages of a new customer arriving at once make one conversation, both answered in order", async () => {
    const sender = "9100000000000002";
    const now = Date.now();
    await Promise.all([
      postInstagram(c, text(sender, "mid.race.1", "Hello", now)),
      postInstagram(c, text(sender, "mid.race.2", "Are you open on Saturday?", now + 1)),
    ]);
    await c.workers.settled();
    const conversation = await onlyConversation(sender);
    const messages = await messagesOf(c.deps, conversation.conversationId);
    expect(messages.filter((m) => m.role === "user").map((m) => m.content)).toEqual([
      "Hello",
      "Are you open on Saturday?",
    ]);
    expect(c.graph.sent({ to: sender }).map((m) => m.text)).toEqual([
      echo("Hello"),
      echo("Are you open on Saturday?"),
    ]);
    const created = c.adminEvents.filter(
      (e) =>
        e.type === "conversation.created" &&
        (e.payload as { conversation: { conversationId: string } }).conversation.conversationId ===
          conversation.conversationId,
    );
    expect(created).toHaveLength(1);
  });

  it("fetches the profile of a new customer once and serves it from the cache afterwards", async () => {
    const sender = "9100000000000003";
    c.graph.addInstagramUser({
      igsid: sender,
      name: "Maria Lopez",
      username: "maria.smiles",
      profilePic: "https://scontent.cdninstagram.com/v/maria.jpg",
    });
    const before = c.graph.count("instagram.profile");
    await postInstagram(c, text(sender, "mid.profile.1", "Hi!"));
    await c.workers.settled();
    await c.deps.work.drain();
    expect(await c.deps.repos.instagramProfiles.get(sender)).toMatchObject({
      name: "Maria Lopez",
      username: "maria.smiles",
      profilePic: "https://scontent.cdninstagram.com/v/maria.jpg",
    });
    const conversation = await onlyConversation(sender);
    const details = await c.admin.conversations.byId({
      conversationId: conversation.conversationId,
    });
    expect(details.instagramProfile).toMatchObject({ username: "maria.smiles" });

    // Same customer again, and again in a new conversation after closing: the cache answers.
    await postInstagram(c, text(sender, "mid.profile.2", "Still there?"));
    await c.workers.settled();
    await c.admin.conversations.close({ conversationId: conversation.conversationId });
    await postInstagram(c, text(sender, "mid.profile.3", "New question"));
    await c.workers.settled();
    await c.deps.work.drain();
    expect(await conversationOf(c.deps, AGENT, "instagram", sender)).toHaveLength(2);
    expect(c.graph.count("instagram.profile") - before).toBe(1);
  });

  it("a profile Instagram refuses is logged and the message is still answered", async () => {
    const sender = "9100000000000004";
    await postInstagram(c, text(sender, "mid.noprofile", "Hello there"));
    await c.workers.settled();
    await c.deps.work.drain();
    expect(await c.deps.repos.instagramProfiles.get(sender)).toBeNull();
    expect(c.graph.sent({ to: sender })).toHaveLength(1);
  });

  it("splits a long reply at 1000 UTF-8 bytes and records every part's id", async () => {
    const sender = "9100000000000005";
    const paragraph = "Мы работаем каждый день с девяти до девяти, кроме воскресенья. ".repeat(9);
    const long = [paragraph, paragraph, paragraph].join("\n\n").trim();
    c.llm.setResponder(() => modelAnswer(long));
    try {
      await postInstagram(c, text(sender, "mid.long", "Когда вы открыты?"));
      await c.workers.settled();
    } finally {
      c.llm.setResponder(echoResponder);
    }
    const parts = c.graph.sent({ to: sender });
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts)
      expect(Buffer.byteLength(part.text, "utf8")).toBeLessThanOrEqual(1000);
    expect(parts.map((p) => p.text.replace(/\s+/g, " ")).join(" ")).toBe(long.replace(/\s+/g, " "));
    const conversation = await onlyConversation(sender);
    const reply = (await messagesOf(c.deps, conversation.conversationId)).find(
      (m) => m.role === "agent",
    );
    expect(reply?.deliveryStatus).toBe("sent");
    expect(reply?.externalMessageId?.split(",")).toEqual(parts.map((p) => p.messageId));
  });

  it("waits out a 429 with Retry-After, then delivers", async () => {
    const sender = "9100000000000006";
    c.graph.failNext("instagram.send", {
      status: 429,
      code: 4,
      message: "(#4) Application request limit reached",
      retryAfterSeconds: 1,
    });
    const posted = Date.now();
    await postInstagram(c, text(sender, "mid.429", "Ping"));
    await waitUntil(() => c.graph.sent({ to: sender }).length === 1, 5_000);
    const [sent] = c.graph.sent({ to: sender });
    const failedAt = c.graph.requests.find(
      (r) => r.operation === "instagram.send" && r.at >= posted,
    )?.at;
    expect((sent?.at ?? 0) - (failedAt ?? 0)).toBeGreaterThanOrEqual(1000);
    await c.workers.settled();
  });
});
