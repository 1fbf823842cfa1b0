import type { AdminUser } from "@agents-crm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import type { AdminEvent } from "../src/domain/conversations/events";
import { SEARCH_SCAN_BUDGET } from "../src/domain/conversations/list-conversations";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createAgent, subscribe, waitUntil } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let admin: AdminUser;
let olga: AdminUser;
const as = (user: AdminUser) => callerAs(deps, principalOf(user), { requestId: "req-labels" });
const visitor = () => callerAs(deps, { kind: "anonymous" });

beforeAll(async () => {
  deps = await createTestDeps();
  await createAgent(deps, "dr_labels");
  admin = await seedUser(deps, { role: "admin", name: "Anna Admin" });
  olga = await seedUser(deps, { role: "operator", name: "Olga Operator" });
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

const conversation = async () =>
  (await visitor().chat.start({ agentId: "dr_labels" })).conversationId;

describe("conversations.setLabels", () => {
  it("normalises, audits with old and new sets and announces the row live", async () => {
    const id = await conversation();
    const feed = await subscribe<AdminEvent>(deps, principalOf(admin), (c) => c.admin.onEvent());
    await waitUntil(() => deps.hub.listenerCount() >= 1);

    const view = await as(olga).conversations.setLabels({
      conversationId: id,
      labels: ["  VIP ", "vip", "Запись", "follow-up_2"],
    });
    expect(view.labels).toEqual(["vip", "запись", "follow-up_2"]);
    expect(
      (await as(admin).conversations.byId({ conversationId: id })).conversation.labels,
    ).toEqual(["vip", "запись", "follow-up_2"]);

    await waitUntil(() =>
      feed.items.some(
        ({ data: e }) =>
          e.type === "conversation.updated" &&
          e.payload.change === "labels" &&
          e.payload.conversation.conversationId === id,
      ),
    );
    await feed.stop();

    await as(olga).conversations.setLabels({ conversationId: id, labels: ["vip"] });
    const audits = (await deps.repos.audit.list({ resourceId: id })).items
      .filter((entry) => entry.action === "conversation.labels")
      .reverse();
    expect(audits.map((e) => [e.actorId, e.oldValue, e.newValue])).toEqual([
      [olga.userId, { labels: [] }, { labels: ["vip", "запись", "follow-up_2"] }],
      [olga.userId, { labels: ["vip", "запись", "follow-up_2"] }, { labels: ["vip"] }],
    ]);
  });

  it("writes nothing for an unchanged set and refuses labels outside the rules", async () => {
    const id = await conversation();
    await as(olga).conversations.setLabels({ conversationId: id, labels: ["a"] });
    const before = await deps.repos.conversations.get(id);
    await as(olga).conversations.setLabels({ conversationId: id, labels: [" A "] });
    expect((await deps.repos.conversations.get(id))?.version).toBe(before?.version);

    for (const bad of [[""], ["x".repeat(33)], ["<script>"], ["a;b"]]) {
      await expect(
        as(olga).conversations.setLabels({ conversationId: id, labels: bad }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    const many = Array.from({ length: 21 }, (_, i) => `l${i}`);
    await expect(
      as(olga).conversations.setLabels({ conversationId: id, labels: many }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      as(olga).conversations.setLabels({ conversationId: "missing-id", labels: ["a"] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("conversations.list({ label })", () => {
  it("pages through the labelled conversations only, completely and without repeats", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await conversation());
    const tagged = [ids[0], ids[2], ids[3], ids[6]] as string[];
    for (const id of tagged) {
      await as(admin).conversations.setLabels({ conversationId: id, labels: ["paging", "x"] });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { conversationId: string }[]; nextCursor: string | null } = await as(
        olga,
      ).conversations.list({ label: " Paging", limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((c) => c.conversationId));
      cursor = page.nextCursor;
    } while (cursor);
    expect([...seen].sort()).toEqual([...tagged].sort());
    expect(new Set(seen).size).toBe(seen.length);

    const withSearch = await as(olga).conversations.list({
      label: "paging",
      search: tagged[2],
    });
    expect(withSearch.items.map((c) => c.conversationId)).toEqual([tagged[2]]);
  });

  it("reads a bounded number of conversations per call", () => {
    expect(SEARCH_SCAN_BUDGET).toBeLessThanOrEqual(1_000);
  });
});

describe("conversations.labelsInUse", () => {
  it("counts labels as they are added and removed, dropping unused ones", async () => {
    const a = await conversation();
    const b = await conversation();
    await as(olga).conversations.setLabels({ conversationId: a, labels: ["chip-one", "chip-two"] });
    await as(olga).conversations.setLabels({ conversationId: b, labels: ["chip-one"] });
    const counts = async () =>
      (await as(olga).conversations.labelsInUse()).filter((l) => l.label.startsWith("chip-"));
    expect(await counts()).toEqual([
      { label: "chip-one", count: 2 },
      { label: "chip-two", count: 1 },
    ]);
    await as(olga).conversations.setLabels({ conversationId: a, labels: [] });
    expect(await counts()).toEqual([{ label: "chip-one", count: 1 }]);
  });
});
