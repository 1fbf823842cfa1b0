import { parseAgentConfig } from "@agents-crm/config/agent-config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueDelivery } from "../src/channels/delivery/delivery-job";
import { startChannelWorkers } from "../src/channels/worker/channel-workers";
import { forgetAgent } from "../src/domain/turns/agent-configs";
import { callerAs } from "./helpers/auth-fixtures";
import { agentDocument, operator } from "./helpers/chat-kit";
import {
  bindInstagram,
  conversationOf,
  echo,
  igItem,
  instagramBody,
  messagesOf,
  postInstagram,
  startChannels,
  type Channels,
} from "./helpers/channels-kit";

const IG = "17841400000000401";
const AGENT = "inbox_clinic";
let c: Channels;

beforeAll(async () => {
  c = await startChannels({ workers: { maxAttempts: 2 } });
  await bindInstagram(c, { accountId: IG, agentId: AGENT });
});
afterAll(() => c.close());

const dm = (sender: string, mid: string, text: string) =>
  instagramBody(IG, [igItem(IG, sender, { message: { mid, text } })]);

describe("dead letters", () => {
  it("an event that keeps failing is dead-lettered, listed for admins, and answered after a replay", async () => {
    const broken = { ...agentDocument(AGENT), profile: "not a profile" };
    expect(parseAgentConfig(broken).ok).toBe(false);
    await c.deps.repos.agents.update(AGENT, { config: broken });
    forgetAgent(c.deps.repos, AGENT);

    const sender = "9400000000000001";
    await postInstagram(c, dm(sender, "mid.dead.1", "Can I book for Monday?"));
    await c.workers.settled();
    expect(c.graph.sent({ to: sender })).toHaveLength(0);

    const dead = await c.admin.inbox.listDead({ limit: 10 });
    const letter = dead.items.find((d) => d.event?.externalMessageId === "mid.dead.1");
    expect(letter).toMatchObject({
      type: "inbound",
      platform: "instagram",
      status: "dead",
      attempts: 2,
      delivery: null,
      event: { externalUserId: sender, agentId: AGENT, kind: "text" },
    });
    expect(letter?.lastError).toMatch(/does not parse/);
    expect(JSON.stringify(letter)).not.toContain("Monday");
    const health = await c.admin.bindings.health({ agentId: AGENT });
    expect(health.items[0]?.deadLetters).toBe(1);
    await expect(callerAs(c.deps, operator).inbox.listDead({})).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await c.deps.repos.agents.update(AGENT, { config: agentDocument(AGENT) });
    forgetAgent(c.deps.repos, AGENT);
    const replayed = await c.admin.inbox.replay({ eventKey: letter?.eventKey ?? "" });
    expect(replayed).toMatchObject({ status: "pending", attempts: 0 });
    await c.workers.settled();
    expect(c.graph.sent({ to: sender }).map((m) => m.text)).toEqual([
      echo("Can I book for Monday?"),
    ]);
    const audit = await c.admin.audit.list({ action: "replay_inbound_event" });
    expect(audit.items[0]).toMatchObject({
      resourceType: "inbound_event",
      resourceId: letter?.eventKey,
      oldValue: { status: "dead", attempts: 2 },
    });
    expect((await c.admin.bindings.health({ agentId: AGENT })).items[0]?.deadLetters).toBe(0);
  });

  it("replay refuses what is not a dead letter", async () => {
    await expect(c.admin.inbox.replay({ eventKey: "instagram#nope#nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const sender = "9400000000000002";
    await postInstagram(c, dm(sender, "mid.alive", "Hi"));
    await c.workers.settled();
    await expect(
      c.admin.inbox.replay({ eventKey: `instagram#${IG}#mid.alive` }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});

describe("after a crash", () => {
  it("a reply stored but never queued (the process died in between) is found and sent at the next start", async () => {
    const sender = "9400000000000003";
    await postInstagram(c, dm(sender, "mid.crash.1", "Hello"));
    await c.workers.settled();
    const [conversation] = await conversationOf(c.deps, AGENT, "instagram", sender);
    if (!conversation) throw new Error("no conversation");
    const orphan = await c.deps.repos.messages.append({
      conversationId: conversation.conversationId,
      agentId: AGENT,
      role: "admin",
      content: "Written just before the crash",
      channel: "instagram",
      deliveryStatus: "pending",
    });
    await c.deps.repos.conversations.touchActivity(conversation.conversationId);

    const restarted = startChannelWorkers(c.deps, { pollMs: 50, recover: true });
    try {
      await c.deps.work.drain();
      await restarted.settled();
    } finally {
      await restarted.stop();
    }
    const stored = (await messagesOf(c.deps, conversation.conversationId)).find(
      (m) => m.messageId === orphan.messageId,
    );
    expect(stored?.deliveryStatus).toBe("sent");
    expect(c.graph.sent({ to: sender }).map((m) => m.text)).toEqual([
      echo("Hello"),
      "Written just before the crash",
    ]);
  });

  it("an event whose worker died is taken over when its lease runs out, and not answered twice", async () => {
    const sender = "9400000000000004";
    await c.workers.stop();
    await postInstagram(c, dm(sender, "mid.crash.2", "Are you there?"));
    // A worker of another process claims it with a short lease and dies without a trace.
    const [claimed] = await c.deps.repos.inboundEvents.claimDue({
      workerId: "dead-worker",
      leaseMs: 300,
      limit: 1,
    });
    expect(claimed?.eventKey).toBe(`instagram#${IG}#mid.crash.2`);

    c.workers = startChannelWorkers(c.deps, { pollMs: 50, recover: false });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(c.graph.sent({ to: sender })).toHaveLength(0);
    await c.workers.settled();
    expect(c.graph.sent({ to: sender }).map((m) => m.text)).toEqual([echo("Are you there?")]);
    const item = await c.deps.repos.inboundEvents.get(`instagram#${IG}#mid.crash.2`);
    expect(item).toMatchObject({ status: "done", attempts: 2 });
  });

  it("a run that died after writing the reply sends that reply: no second message, no second turn", async () => {
    const sender = "9400000000000005";
    const eventKey = `instagram#${IG}#mid.crash.3`;
    await c.workers.stop();
    await postInstagram(c, dm(sender, "mid.crash.3", "Do you have parking?"));
    await c.deps.repos.inboundEvents.claimDue({ workerId: "dead-worker", leaseMs: 300, limit: 1 });
    // What the dead run had written: the customer message (with its inbox key) and the pending reply.
    const { conversation } = await c.deps.repos.conversations.findOrCreate({
      agentId: AGENT,
      channel: "instagram",
      externalUserId: sender,
    });
    const question = await c.deps.repos.messages.append({
      conversationId: conversation.conversationId,
      agentId: AGENT,
      role: "user",
      content: "Do you have parking?",
      channel: "instagram",
      externalMessageId: "mid.crash.3",
      metadata: { inboxEventKey: eventKey },
    });
    await c.deps.repos.messages.append({
      conversationId: conversation.conversationId,
      agentId: AGENT,
      role: "agent",
      content: "Yes, two free spots behind the clinic.",
      channel: "instagram",
      deliveryStatus: "pending",
      metadata: { answers: [question.messageId] },
    });
    const turnsBefore = c.llm.requests.filter((r) => r.endpoint === "chat").length;

    c.workers = startChannelWorkers(c.deps, { pollMs: 50, recover: false });
    await c.workers.settled();
    expect(c.llm.requests.filter((r) => r.endpoint === "chat").length).toBe(turnsBefore);
    expect(c.graph.sent({ to: sender }).map((m) => m.text)).toEqual([
      "Yes, two free spots behind the clinic.",
    ]);
    const messages = await messagesOf(c.deps, conversation.conversationId);
    expect(messages.map((m) => [m.role, m.deliveryStatus ?? null])).toEqual([
      ["user", null],
      ["agent", "sent"],
    ]);
  });

  it("a long reply cut off after its first part resumes with the second, never resending the first", async () => {
    const sender = "9400000000000006";
    await postInstagram(c, dm(sender, "mid.parts", "Tell me everything"));
    await c.workers.settled();
    const [conversation] = await conversationOf(c.deps, AGENT, "instagram", sender);
    if (!conversation) throw new Error("no conversation");
    const first = "A".repeat(900);
    const second = "B".repeat(300);
    const reply = await c.deps.repos.messages.append({
      conversationId: conversation.conversationId,
      agentId: AGENT,
      role: "admin",
      content: `${first}\n\n${second}`,
      channel: "instagram",
      deliveryStatus: "pending",
    });
    // The first part went out (its id recorded) just before the process died.
    await c.deps.repos.messages.updateDelivery(conversation.conversationId, reply.messageId, {
      status: "pending",
      externalMessageId: "aWdfZAG1faXRlbTpwYXJ0MQ",
    });
    await enqueueDelivery(c.deps, reply);
    await c.workers.settled();
    const sent = c.graph.sent({ to: sender }).slice(1);
    expect(sent.map((m) => m.text)).toEqual([second]);
    const stored = await c.deps.repos.messages.get(conversation.conversationId, reply.messageId);
    expect(stored).toMatchObject({
      deliveryStatus: "sent",
      externalMessageId: `aWdfZAG1faXRlbTpwYXJ0MQ,${sent[0]?.messageId}`,
    });
  });
});
