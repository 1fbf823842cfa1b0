import { recordCommands } from "@agents-crm/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs } from "./helpers/auth-fixtures";
import { createAgent, operator } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let commands: ReturnType<typeof recordCommands>;
const staff = () => callerAs(deps, operator);

async function seed(
  agentId: string,
  channel: "web_chat" | "instagram",
  status: "AI_ACTIVE" | "NEEDS_HUMAN" | "HUMAN_ACTIVE",
  times: number,
) {
  for (let i = 0; i < times; i++) {
    await deps.repos.conversations.create({
      agentId,
      channel,
      status,
      externalUserId: channel === "instagram" ? `ig-${agentId}-${status}-${i}` : undefined,
    });
  }
}

beforeAll(async () => {
  deps = await createTestDeps();
  commands = recordCommands(deps.db);
  await createAgent(deps, "dr_a");
  await createAgent(deps, "dr_b");
  // More than one page of the inbox (100), so a count cannot come from a capped list.
  await seed("dr_a", "web_chat", "AI_ACTIVE", 105);
  await seed("dr_a", "instagram", "NEEDS_HUMAN", 3);
  await seed("dr_b", "web_chat", "NEEDS_HUMAN", 2);
  await seed("dr_b", "instagram", "HUMAN_ACTIVE", 1);
  const closing = await deps.repos.conversations.create({ agentId: "dr_b", channel: "web_chat" });
  await staff().conversations.close({ conversationId: closing.conversationId });
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

describe("conversations.counts", () => {
  it("counts every status exactly, past any page size", async () => {
    expect(await staff().conversations.counts()).toEqual({
      NEEDS_HUMAN: 5,
      HUMAN_ACTIVE: 1,
      AI_ACTIVE: 105,
      RESOLVED: 0,
      CLOSED: 1,
      SNOOZED: 0,
    });
  });

  it("narrows by agent, by channel and by both", async () => {
    expect(await staff().conversations.counts({ agentId: "dr_b" })).toEqual({
      NEEDS_HUMAN: 2,
      HUMAN_ACTIVE: 1,
      AI_ACTIVE: 0,
      RESOLVED: 0,
      CLOSED: 1,
      SNOOZED: 0,
    });
    expect(await staff().conversations.counts({ channel: "instagram" })).toMatchObject({
      NEEDS_HUMAN: 3,
      HUMAN_ACTIVE: 1,
      AI_ACTIVE: 0,
    });
    expect(
      await staff().conversations.counts({ agentId: "dr_a", channel: "instagram" }),
    ).toMatchObject({ NEEDS_HUMAN: 3, AI_ACTIVE: 0 });
  });

  it("follows a status change", async () => {
    const before = await staff().conversations.counts({ agentId: "dr_b" });
    const page = await staff().conversations.list({ agentId: "dr_b", status: "NEEDS_HUMAN" });
    await staff().conversations.handoff({ conversationId: page.items[0]?.conversationId ?? "" });
    const after = await staff().conversations.counts({ agentId: "dr_b" });
    expect(after.NEEDS_HUMAN).toBe(before.NEEDS_HUMAN - 1);
    expect(after.HUMAN_ACTIVE).toBe(before.HUMAN_ACTIVE + 1);
  });

  it("counts with index queries only, transferring no items", async () => {
    commands.reset();
    await staff().conversations.counts();
    await staff().conversations.counts({ agentId: "dr_a", channel: "web_chat" });
    expect(commands.names).not.toContain("ScanCommand");
    expect(commands.calls.every((c) => c.name === "QueryCommand" && c.indexName)).toBe(true);
  });

  it("refuses an unknown channel as BAD_REQUEST naming the field", async () => {
    await expect(
      staff().conversations.counts({ channel: "fax" as "instagram" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("channel") as unknown,
    });
  });
});
