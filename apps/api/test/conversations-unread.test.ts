import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import type { ApiDeps } from "../src/deps";
import type { AdminEvent } from "../src/domain/conversations/events";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs } from "./helpers/auth-fixtures";
import { createAgent, subscribe, waitUntil } from "./helpers/chat-kit";
import { createStaffDeps, failure } from "./helpers/router-kit";

let deps: ApiDeps;
let admin: Staff;
let operator: Staff;
const visitor = () => callerAs(deps, { kind: "anonymous" });

beforeAll(async () => {
  ({ deps, admin, operator } = await createStaffDeps());
  await createAgent(deps, "dr_unread");
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

async function rowOf(who: Staff, conversationId: string) {
  const page = await callerAs(deps, who).conversations.list({ agentId: "dr_unread" });
  return page.items.find((row) => row.conversationId === conversationId);
}

describe("the customer's last message", () => {
  it("is the customer's, whatever the agent or staff write after it", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_unread" });
    await visitor().chat.send({ ...chat, content: "Do you treat children on Saturdays?" });
    await callerAs(deps, admin).conversations.reply({
      conversationId: chat.conversationId,
      content: "Yes, from 9 to 13.",
    });
    const row = await rowOf(admin, chat.conversationId);
    expect(row).toMatchObject({
      lastCustomerMessagePreview: "Do you treat children on Saturdays?",
      lastMessagePreview: "Yes, from 9 to 13.",
    });
    expect(row?.lastCustomerMessageAt).toBeTypeOf("string");
  });
});

describe("unread", () => {
  it("is per staff member: one opens it, the other still has it unread", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_unread" });
    const { conversationId } = chat;
    const filters = { agentId: "dr_unread" };
    const before = {
      admin: await callerAs(deps, admin).conversations.unreadCounts(filters),
      operator: await callerAs(deps, operator).conversations.unreadCounts(filters),
    };
    expect((await rowOf(admin, conversationId))?.unread).toBe(false);

    await visitor().chat.send({ ...chat, content: "Hello, is anyone there?" });
    for (const who of [admin, operator]) {
      expect((await rowOf(who, conversationId))?.unread).toBe(true);
    }
    const withNew = await callerAs(deps, admin).conversations.unreadCounts(filters);
    expect(withNew.total).toBe(before.admin.total + 1);
    expect(withNew.byStatus.AI_ACTIVE).toBe((before.admin.byStatus.AI_ACTIVE ?? 0) + 1);
    expect(withNew.capped).toBe(false);

    const adminFeed = await subscribe<AdminEvent>(deps, admin, (c) => c.admin.onEvent());
    const operatorFeed = await subscribe<AdminEvent>(deps, operator, (c) => c.admin.onEvent());
    await waitUntil(() => deps.hub.listenerCount() >= 2);
    const read = await callerAs(deps, admin).conversations.markRead({ conversationId });
    expect(read.conversationId).toBe(conversationId);

    expect((await rowOf(admin, conversationId))?.unread).toBe(false);
    expect((await rowOf(operator, conversationId))?.unread).toBe(true);
    expect((await callerAs(deps, admin).conversations.unreadCounts(filters)).total).toBe(
      before.admin.total,
    );
    expect((await callerAs(deps, operator).conversations.unreadCounts(filters)).total).toBe(
      before.operator.total + 1,
    );
    // The reader's other consoles hear it; nobody else's do.
    await waitUntil(() => adminFeed.items.some((i) => i.data.type === "conversation.read"));
    expect(operatorFeed.items.some((i) => i.data.type === "conversation.read")).toBe(false);
    await adminFeed.stop();
    await operatorFeed.stop();

    // A new customer message is unread again; a staff reply is not news.
    await visitor().chat.send({ ...chat, content: "One more question" });
    expect((await rowOf(admin, conversationId))?.unread).toBe(true);
    await callerAs(deps, admin).conversations.markRead({ conversationId });
    await callerAs(deps, operator).conversations.reply({ conversationId, content: "Here" });
    expect((await rowOf(admin, conversationId))?.unread).toBe(false);
  });

  it("counts take the list's filters", async () => {
    const other = await callerAs(deps, admin).conversations.unreadCounts({ agentId: "nobody" });
    expect(other).toEqual({ total: 0, byStatus: {}, capped: false });
  });

  it("counts per assignee view: Mine, Unassigned, a colleague's", async () => {
    await createAgent(deps, "dr_unread_views");
    const filters = { agentId: "dr_unread_views" };
    const waiting = async (content: string) => {
      const chat = await visitor().chat.start(filters);
      await visitor().chat.send({ ...chat, content });
      return chat.conversationId;
    };
    const theirs = await waiting("Can I move my appointment?");
    await waiting("Do you have parking?");
    await callerAs(deps, admin).conversations.assign({
      conversationId: theirs,
      userId: operator.id,
    });
    const unread = (who: Staff, assignee?: string) =>
      callerAs(deps, who)
        .conversations.unreadCounts({ ...filters, assignee })
        .then((counts) => counts.total);

    expect(await unread(admin)).toBe(2);
    expect(await unread(admin, "me")).toBe(0);
    expect(await unread(admin, "unassigned")).toBe(1);
    expect(await unread(admin, operator.id)).toBe(1);
    expect(await unread(operator, "me")).toBe(1);
    // Opened by its assignee: read in Mine for them, still unread for a colleague looking at theirs.
    await callerAs(deps, operator).conversations.markRead({ conversationId: theirs });
    expect(await unread(operator, "me")).toBe(0);
    expect(await unread(admin, operator.id)).toBe(1);
  });

  it("count a snoozed conversation as SNOOZED, not as Needs human, as the counters do", async () => {
    await createAgent(deps, "dr_unread_snooze");
    const chat = await visitor().chat.start({ agentId: "dr_unread_snooze" });
    await visitor().chat.send({ ...chat, content: "Please call me back tomorrow" });
    await deps.repos.conversations.update(chat.conversationId, {
      status: "NEEDS_HUMAN",
      needsHumanSince: new Date().toISOString(),
    });
    const filters = { agentId: "dr_unread_snooze" };
    const before = await callerAs(deps, admin).conversations.unreadCounts(filters);
    expect(before.byStatus).toEqual({ NEEDS_HUMAN: 1 });
    await callerAs(deps, admin).conversations.snooze({
      conversationId: chat.conversationId,
      until: new Date(Date.now() + 3_600_000),
    });
    const after = await callerAs(deps, admin).conversations.unreadCounts(filters);
    expect(after).toMatchObject({ total: 1, byStatus: { SNOOZED: 1 } });
  });

  it("refuses hostile input with a clear 4xx", async () => {
    const staff = callerAs(deps, operator).conversations;
    expect((await failure(staff.markRead({ conversationId: "missing-conversation" }))).code).toBe(
      "NOT_FOUND",
    );
    const bad = await failure(staff.markRead({ conversationId: 42 as unknown as string }));
    expect(bad).toMatchObject({ code: "BAD_REQUEST", paths: ["conversationId"] });
    const long = await failure(staff.unreadCounts({ stage: "x".repeat(10_000) }));
    expect(long.code).toBe("BAD_REQUEST");
    const assignee = await failure(staff.unreadCounts({ assignee: "x".repeat(10_000) }));
    expect(assignee).toMatchObject({ code: "BAD_REQUEST", paths: ["assignee"] });
  });
});
