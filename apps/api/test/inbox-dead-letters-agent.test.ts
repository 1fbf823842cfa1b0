import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import { deliveryEventKey, enqueueDelivery } from "../src/channels/delivery/delivery-job";
import type { ApiDeps } from "../src/deps";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let admin: Staff;
let bindingA: string;
let seq = 0;

beforeAll(async () => {
  deps = await createTestDeps();
  admin = principalOf(await seedUser(deps, { role: "admin" }));
  bindingA = (
    await deps.repos.channelBindings.create({
      agentId: "agent_a",
      channelType: "telegram",
      channelAccountId: "111",
      accessToken: "111:secret",
    })
  ).bindingId;
});

afterAll(async () => {
  await deps.db.close();
});

/** Records an inbox item and fails it once with maxAttempts 1: a dead letter. */
async function deadLetter(scope: string, payload: Record<string, unknown>): Promise<string> {
  seq += 1;
  const { eventKey } = await deps.repos.inboundEvents.record({
    platform: "telegram",
    scope,
    externalId: `ext-${seq}`,
    orderKey: `order-${seq}`,
    orderSort: seq,
    payload,
  });
  const [claimed] = await deps.repos.inboundEvents.claimDue({
    workerId: "w",
    leaseMs: 60_000,
    limit: 1,
  });
  expect(claimed?.eventKey).toBe(eventKey);
  const outcome = await deps.repos.inboundEvents.fail(eventKey, "w", {
    error: "boom",
    maxAttempts: 1,
    backoff: { baseMs: 1 },
  });
  expect(outcome.outcome).toBe("dead");
  return eventKey;
}

const inbound = (agentId: string, bindingId: string) => ({
  platform: "telegram",
  bindingId,
  agentId,
  accountId: "111",
  externalUserId: "u1",
  externalMessageId: `m${seq}`,
  timestamp: new Date().toISOString(),
  kind: "text",
  text: "hi",
});

describe("inbox.listDead by agent", () => {
  it("lists only the agent's inbound events and deliveries, complete across pages", async () => {
    const mine = [
      await deadLetter("111", inbound("agent_a", bindingA)),
      await deadLetter("outbox", {
        job: "deliver",
        conversationId: "c1",
        messageId: "m1",
        agentId: "agent_a",
      }),
      // Queued before jobs carried the agent: matched by the binding it was to go out through.
      await deadLetter("outbox", {
        job: "deliver",
        conversationId: "c2",
        messageId: "m2",
        bindingId: bindingA,
      }),
    ];
    // Others' letters, newest of all, so a page filled before filtering would hold none of agent_a's.
    for (let i = 0; i < 4; i++) {
      await deadLetter("222", inbound("agent_b", "binding-b"));
      await deadLetter("outbox", {
        job: "deliver",
        conversationId: "c9",
        messageId: `x${i}`,
        agentId: "agent_b",
      });
    }
    const caller = callerAs(deps, admin);
    const first = await caller.inbox.listDead({ agentId: "agent_a", limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await caller.inbox.listDead({
      agentId: "agent_a",
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.nextCursor).toBeNull();
    const keys = [...first.items, ...second.items].map((i) => i.eventKey);
    expect(keys.sort()).toEqual([...mine].sort());
    expect(first.items[0]?.delivery).toMatchObject({ bindingId: bindingA, agentId: null });

    const all = await caller.inbox.listDead({ limit: 100 });
    expect(all.items).toHaveLength(11);
  });

  it("delivery jobs name their agent, so they can be filtered", async () => {
    const message = {
      channel: "telegram" as const,
      conversationId: "c-new",
      messageId: "01JDELIVERY",
      agentId: "agent_a",
    };
    expect(await enqueueDelivery(deps, message)).toBe(true);
    const stored = await deps.repos.inboundEvents.get(deliveryEventKey(message));
    expect(stored?.payload).toMatchObject({ job: "deliver", agentId: "agent_a" });
  });
});

describe("inbox.listDead: web-chat turns", () => {
  it("lists a web-chat turn that kept failing under its agent", async () => {
    // Earlier tests leave a queued delivery job: out of the way first.
    for (const item of await deps.repos.inboundEvents.claimDue({
      workerId: "w",
      leaseMs: 60_000,
      limit: 10,
    })) {
      await deps.repos.inboundEvents.complete(item.eventKey, "w");
    }
    const mine = await deadLetter("turns", {
      job: "web-turn",
      conversationId: "web-1",
      agentId: "agent_web",
    });
    await deadLetter("turns", { job: "web-turn", conversationId: "web-2", agentId: "agent_other" });
    const listed = await callerAs(deps, admin).inbox.listDead({ agentId: "agent_web" });
    expect(listed.items.map((i) => i.eventKey)).toEqual([mine]);
  });
});
