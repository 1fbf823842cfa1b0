import type { AdminUser } from "@agents-crm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import type { AdminEvent } from "../src/domain/conversations/events";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs, machine, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createAgent, subscribe, waitUntil } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let admin: AdminUser;
let olga: AdminUser;
let pavel: AdminUser;
let gone: AdminUser;
const as = (user: AdminUser) => callerAs(deps, principalOf(user), { requestId: "req-assign" });
const visitor = () => callerAs(deps, { kind: "anonymous" });

beforeAll(async () => {
  deps = await createTestDeps();
  await createAgent(deps, "dr_assign");
  await createAgent(deps, "dr_other");
  admin = await seedUser(deps, { role: "admin", name: "Anna Admin" });
  olga = await seedUser(deps, { role: "operator", name: "Olga Operator" });
  pavel = await seedUser(deps, { role: "operator", name: "Pavel Operator" });
  gone = await seedUser(deps, { role: "operator", name: "Gone Operator", isActive: false });
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

async function conversation(agentId = "dr_assign", status?: "NEEDS_HUMAN" | "CLOSED") {
  const chat = await visitor().chat.start({ agentId });
  if (status) await deps.repos.conversations.update(chat.conversationId, { status });
  return chat.conversationId;
}

const assignAudits = async (conversationId: string) =>
  (await deps.repos.audit.list({ resourceId: conversationId })).items.filter(
    (entry) => entry.action === "assign",
  );

describe("conversations.assign", () => {
  it("assigns, reassigns and unassigns: audited with the real actor, announced to every console", async () => {
    const id = await conversation();
    const feed = await subscribe<AdminEvent>(deps, principalOf(pavel), (c) => c.admin.onEvent());
    await waitUntil(() => deps.hub.listenerCount() >= 1);

    const assigned = await as(admin).conversations.assign({
      conversationId: id,
      userId: olga.userId,
    });
    expect(assigned).toMatchObject({
      conversationId: id,
      assigneeId: olga.userId,
      status: "AI_ACTIVE",
    });
    const details = await as(pavel).conversations.byId({ conversationId: id });
    expect(details.conversation.assigneeId).toBe(olga.userId);
    expect(details.assignee).toEqual({
      userId: olga.userId,
      name: "Olga Operator",
      isActive: true,
    });

    await as(olga).conversations.assign({ conversationId: id, userId: pavel.userId });
    await as(pavel).conversations.assign({ conversationId: id, userId: null });
    expect((await as(admin).conversations.byId({ conversationId: id })).assignee).toBeNull();

    const entries = (await assignAudits(id)).reverse();
    expect(entries.map((e) => [e.actorId, e.oldValue, e.newValue])).toEqual([
      [
        admin.userId,
        { assigneeId: null, assigneeName: null },
        { assigneeId: olga.userId, assigneeName: "Olga Operator" },
      ],
      [
        olga.userId,
        { assigneeId: olga.userId, assigneeName: "Olga Operator" },
        { assigneeId: pavel.userId, assigneeName: "Pavel Operator" },
      ],
      [
        pavel.userId,
        { assigneeId: pavel.userId, assigneeName: "Pavel Operator" },
        { assigneeId: null, assigneeName: null },
      ],
    ]);
    expect(entries[0]).toMatchObject({
      actorName: "Anna Admin",
      requestId: "req-assign",
      metadata: { from: null, to: olga.userId },
    });

    await waitUntil(
      () => feed.items.filter((e) => e.data.type === "conversation.updated").length >= 3,
    );
    const changes = feed.items
      .map((e) => e.data)
      .filter((e) => e.type === "conversation.updated")
      .map((e) => [e.payload.change, e.payload.actorId, e.payload.conversation.assigneeId ?? null]);
    expect(changes).toEqual([
      ["assigned", admin.userId, olga.userId],
      ["assigned", olga.userId, pavel.userId],
      ["assigned", pavel.userId, null],
    ]);
    await feed.stop();
  });

  it("assigning to the current assignee changes nothing and audits nothing", async () => {
    const id = await conversation();
    await as(admin).conversations.assign({ conversationId: id, userId: olga.userId });
    const again = await as(admin).conversations.assign({ conversationId: id, userId: olga.userId });
    expect(again.assigneeId).toBe(olga.userId);
    expect(await assignAudits(id)).toHaveLength(1);
  });

  it("refuses unknown and deactivated staff and unknown conversations with a clear 4xx", async () => {
    const id = await conversation();
    await expect(
      as(admin).conversations.assign({ conversationId: id, userId: "no-such-user" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      as(admin).conversations.assign({ conversationId: id, userId: "no-such-user" }),
    ).rejects.toThrow(/no staff member/);
    await expect(
      as(admin).conversations.assign({ conversationId: id, userId: gone.userId }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      as(admin).conversations.assign({ conversationId: id, userId: gone.userId }),
    ).rejects.toThrow(/deactivated/);
    await expect(
      as(admin).conversations.assign({
        conversationId: "no-such-conversation",
        userId: olga.userId,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      callerAs(deps, { kind: "anonymous" }).conversations.assign({
        conversationId: id,
        userId: null,
      }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await assignAudits(id)).toHaveLength(0);
  });

  it("lists the active staff to assign to, by name", async () => {
    const people = await as(olga).conversations.assignees();
    const names = people.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(["Anna Admin", "Olga Operator", "Pavel Operator"]),
    );
    expect(names).not.toContain("Gone Operator");
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});

describe("taking over assigns", () => {
  it("handoff assigns the taker; returning to the AI keeps the assignee", async () => {
    const id = await conversation("dr_assign", "NEEDS_HUMAN");
    const taken = await as(pavel).conversations.handoff({ conversationId: id });
    expect(taken).toMatchObject({ status: "HUMAN_ACTIVE", assigneeId: pavel.userId });
    // The take-over's own audit entry says who it went to (stats read handled-by from it).
    const [handoffEntry] = (await deps.repos.audit.list({ resourceId: id })).items;
    expect(handoffEntry).toMatchObject({
      action: "handoff",
      actorId: pavel.userId,
      oldValue: { assigneeId: null },
      newValue: { status: "HUMAN_ACTIVE", assigneeId: pavel.userId },
    });
    const returned = await as(olga).conversations.returnToAi({ conversationId: id });
    expect(returned).toMatchObject({ status: "AI_ACTIVE", assigneeId: pavel.userId });
    // Taking over again hands it to whoever takes it now.
    const retaken = await as(olga).conversations.handoff({ conversationId: id });
    expect(retaken.assigneeId).toBe(olga.userId);
  });

  it("replying takes over and assigns the replier; a reply to someone else's conversation does not", async () => {
    const id = await conversation("dr_assign", "NEEDS_HUMAN");
    const first = await as(olga).conversations.reply({ conversationId: id, content: "Hello" });
    expect(first.conversation).toMatchObject({ status: "HUMAN_ACTIVE", assigneeId: olga.userId });
    const [replyEntry] = (await deps.repos.audit.list({ resourceId: id })).items;
    expect(replyEntry).toMatchObject({
      action: "send_message",
      oldValue: { status: "NEEDS_HUMAN", assigneeId: null },
      newValue: { status: "HUMAN_ACTIVE", assigneeId: olga.userId },
    });
    const second = await as(pavel).conversations.reply({ conversationId: id, content: "Me too" });
    expect(second.conversation.assigneeId).toBe(olga.userId);
  });

  it("the API token takes over without assigning anybody", async () => {
    const id = await conversation("dr_assign", "NEEDS_HUMAN");
    const taken = await callerAs(deps, machine).conversations.handoff({ conversationId: id });
    expect(taken.status).toBe("HUMAN_ACTIVE");
    expect(taken.assigneeId).toBeUndefined();
  });
});

describe("lists and counts by assignee", () => {
  it("Mine / Unassigned / a colleague's, combined with the other filters, and their counts", async () => {
    const mineOpen = await conversation("dr_other");
    const mineWaiting = await conversation("dr_other", "NEEDS_HUMAN");
    const mineClosed = await conversation("dr_other", "CLOSED");
    const pavels = await conversation("dr_other");
    const nobodys = await conversation("dr_other", "NEEDS_HUMAN");
    for (const id of [mineOpen, mineWaiting, mineClosed]) {
      await as(admin).conversations.assign({ conversationId: id, userId: olga.userId });
    }
    await as(admin).conversations.assign({ conversationId: pavels, userId: pavel.userId });

    const ids = async (input: Parameters<ReturnType<typeof as>["conversations"]["list"]>[0]) =>
      (await as(olga).conversations.list(input)).items.map((c) => c.conversationId);

    // Needs-human first, then newest activity, as the inbox always is.
    expect(await ids({ assignee: "me", agentId: "dr_other" })).toEqual([
      mineWaiting,
      mineClosed,
      mineOpen,
    ]);
    expect(await ids({ assignee: "me", agentId: "dr_other", status: "AI_ACTIVE" })).toEqual([
      mineOpen,
    ]);
    expect(await ids({ assignee: pavel.userId, agentId: "dr_other" })).toEqual([pavels]);
    expect(await ids({ assignee: "unassigned", agentId: "dr_other" })).toEqual([nobodys]);
    expect(
      await ids({ assignee: "unassigned", agentId: "dr_other", search: "nothing matches this" }),
    ).toEqual([]);
    // Another person's "me" is theirs.
    expect(
      (await as(pavel).conversations.list({ assignee: "me", agentId: "dr_other" })).items.map(
        (c) => c.conversationId,
      ),
    ).toEqual([pavels]);

    // Open conversations only: the closed one is in the list but not in the count.
    expect(await as(olga).conversations.assigneeCounts({ agentId: "dr_other" })).toEqual({
      mine: 2,
      unassigned: 1,
      all: 4,
    });
    expect(await as(pavel).conversations.assigneeCounts({ agentId: "dr_other" })).toMatchObject({
      mine: 1,
    });
  });

  it("refuses an overlong assignee with a 400", async () => {
    await expect(as(olga).conversations.list({ assignee: "x".repeat(600) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
