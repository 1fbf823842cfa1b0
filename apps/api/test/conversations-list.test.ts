import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs } from "./helpers/auth-fixtures";
import { createAgent, operator } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";
import { refreshInstagramProfile } from "../src/channels/worker/instagram-profile";

let deps: ApiDeps;
const staff = () => callerAs(deps, operator);
const ids: Record<string, string> = {};

async function conversation(
  name: string,
  input: {
    agentId?: string;
    channel?: "web_chat" | "instagram" | "telegram";
    externalUserId?: string;
    status?: "AI_ACTIVE" | "NEEDS_HUMAN" | "HUMAN_ACTIVE";
    preview?: string;
  } = {},
) {
  const created = await deps.repos.conversations.create({
    agentId: input.agentId ?? "dr_list",
    channel: input.channel ?? "web_chat",
    externalUserId: input.externalUserId,
    status: input.status,
  });
  // Strictly increasing activity, so "newest first" has one right answer.
  await new Promise((resolve) => setTimeout(resolve, 3));
  const content = input.preview ?? `about ${name}`;
  await deps.repos.messages.append({
    conversationId: created.conversationId,
    agentId: created.agentId,
    role: "user",
    content,
    channel: created.channel,
  });
  await deps.repos.conversations.touchActivity(created.conversationId, { preview: content });
  ids[name] = created.conversationId;
  return created.conversationId;
}

async function allPages(input: Parameters<ReturnType<typeof staff>["conversations"]["list"]>[0]) {
  const seen: string[] = [];
  let cursor: string | null | undefined;
  let pages = 0;
  do {
    const page = await staff().conversations.list({ ...input, cursor });
    seen.push(...page.items.map((c) => c.conversationId));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 50);
  return seen;
}

beforeAll(async () => {
  deps = await createTestDeps();
  await createAgent(deps, "dr_list");
  await createAgent(deps, "dr_other");
  await conversation("old-ai");
  await conversation("escalated-early", { status: "NEEDS_HUMAN" });
  await conversation("human", { status: "HUMAN_ACTIVE" });
  await conversation("instagram", {
    channel: "instagram",
    externalUserId: "ig-777",
    preview: "Do you do veneers?",
  });
  await conversation("other-agent", { agentId: "dr_other", preview: "whitening price?" });
  await conversation("escalated-late", { status: "NEEDS_HUMAN" });
  await conversation("newest-ai", { channel: "telegram", externalUserId: "tg-4242" });
  for (let i = 0; i < 9; i++) {
    await conversation(`whitening-${i}`, { preview: `Question ${i} about WHITENING` });
  }
  await deps.repos.instagramProfiles.put({
    externalUserId: "ig-777",
    name: "Maria Lopez",
    username: "maria.smiles",
  });
  // What the Instagram worker does after a new conversation: the cached profile names it for search.
  const instagram = await deps.repos.conversations.get(ids.instagram ?? "");
  const graph = { getProfile: () => Promise.reject(new Error("the profile is cached")) };
  await refreshInstagramProfile(
    deps,
    graph,
    { bindingId: "b", externalUserId: "ig-777" },
    instagram ?? undefined,
  );
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

describe("conversations.list", () => {
  it("puts conversations that need a human first (longest waiting first), then newest activity, as full rows", async () => {
    const page = await staff().conversations.list({ limit: 4 });
    expect(page.items.map((c) => c.conversationId)).toEqual([
      ids["escalated-early"],
      ids["escalated-late"],
      ids["whitening-8"],
      ids["whitening-7"],
    ]);
    expect(page.items[0]).toMatchObject({
      status: "NEEDS_HUMAN",
      channel: "web_chat",
      stage: "NEW",
      lastMessagePreview: "about escalated-early",
    });
    expect(page.items[0]?.version).toBeGreaterThan(0);
    expect(page.items[0]).not.toHaveProperty("webTokenHash");
    const everything = await allPages({ limit: 4 });
    expect(everything).toHaveLength(Object.keys(ids).length);
    expect(new Set(everything).size).toBe(everything.length);
  });

  it("filters by status, agent and channel", async () => {
    expect(await allPages({ status: "HUMAN_ACTIVE" })).toEqual([ids.human]);
    expect(await allPages({ agentId: "dr_other" })).toEqual([ids["other-agent"]]);
    expect(await allPages({ channel: "telegram" })).toEqual([ids["newest-ai"]]);
    expect(await allPages({ stage: "BOOKED" })).toEqual([]);
  });

  it("searches messages, ids, external users and Instagram names, newest first, paging completely without repeats", async () => {
    const whitening = await allPages({ search: "whitening", limit: 2 });
    expect(whitening).toEqual([
      ...Array.from({ length: 9 }, (_, i) => ids[`whitening-${8 - i}`]),
      ids["other-agent"],
    ]);
    expect(await allPages({ search: "whitening", agentId: "dr_other" })).toEqual([
      ids["other-agent"],
    ]);
    expect(await allPages({ search: "Maria" })).toEqual([ids.instagram]);
    expect(await allPages({ search: "maria.smiles" })).toEqual([ids.instagram]);
    expect(await allPages({ search: "tg-4242" })).toEqual([ids["newest-ai"]]);
    const id = ids["old-ai"] ?? "";
    expect(await allPages({ search: id.toUpperCase() })).toEqual([id]);
    expect(await allPages({ search: `#${id.slice(-6)}` })).toEqual([id]);
    expect(await allPages({ search: "nothing matches this" })).toEqual([]);
  });

  it("gives Instagram rows their customer's cached profile, and no other row one", async () => {
    const items = (await staff().conversations.list({ limit: 100 })).items;
    const instagram = items.find((c) => c.conversationId === ids.instagram);
    expect(instagram?.customer).toEqual({
      name: "Maria Lopez",
      username: "maria.smiles",
      pictureUrl: null,
    });
    const others = items.filter((c) => c.conversationId !== ids.instagram);
    expect(others.filter((c) => c.customer !== undefined)).toEqual([]);
    const searched = await staff().conversations.list({ search: "Maria" });
    expect(searched.items[0]?.customer?.name).toBe("Maria Lopez");
  });

  it("refuses a malformed cursor as BAD_REQUEST", async () => {
    await expect(staff().conversations.list({ cursor: "not-a-cursor" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("is for staff only", async () => {
    await expect(
      callerAs(deps, { kind: "anonymous" }).conversations.list({}),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("conversations.byId and messages", () => {
  it("returns the row with the agent's card and the Instagram profile", async () => {
    const details = await staff().conversations.byId({ conversationId: ids.instagram ?? "" });
    expect(details.conversation).toMatchObject({ channel: "instagram", externalUserId: "ig-777" });
    expect(details.agent).toMatchObject({
      agentId: "dr_list",
      displayName: "Dr. Test",
      isActive: true,
    });
    expect(details.instagramProfile).toMatchObject({
      name: "Maria Lopez",
      username: "maria.smiles",
    });
    const web = await staff().conversations.byId({ conversationId: ids["old-ai"] ?? "" });
    expect(web.instagramProfile).toBeNull();
  });

  it("answers NOT_FOUND for unknown conversations", async () => {
    const conversationId = "00000000-0000-4000-8000-000000000000";
    await expect(staff().conversations.byId({ conversationId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(staff().conversations.messages({ conversationId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(staff().conversations.handoff({ conversationId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("pages the full transcript, metadata included", async () => {
    const conversationId = (
      await deps.repos.conversations.create({ agentId: "dr_list", channel: "web_chat" })
    ).conversationId;
    for (const content of ["a", "b", "c"]) {
      await deps.repos.messages.append({
        conversationId,
        agentId: "dr_list",
        role: "user",
        content,
        channel: "web_chat",
        metadata: { sender: { name: content } },
      });
    }
    const first = await staff().conversations.messages({ conversationId, limit: 2 });
    expect(first.items.map((m) => m.content)).toEqual(["a", "b"]);
    expect(first.items[0]?.metadata).toEqual({ sender: { name: "a" } });
    const rest = await staff().conversations.messages({ conversationId, cursor: first.nextCursor });
    expect(rest).toMatchObject({ items: [{ content: "c" }], nextCursor: null });
    const newest = await staff().conversations.messages({
      conversationId,
      order: "desc",
      limit: 1,
    });
    expect(newest.items[0]?.content).toBe("c");
  });
});
