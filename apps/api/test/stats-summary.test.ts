import { TRPCError } from "@trpc/server";
import { createRepositories, ulidTime, type Repositories } from "@agents-crm/db";
import { manualClock, recordCommands } from "@agents-crm/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import type { ApiDeps } from "../src/deps";
import { statsSummary } from "../src/domain/stats/stats-summary";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createTestDeps } from "./helpers/test-api";

const NOW = new Date("2026-03-10T12:00:00.000Z");
let deps: ApiDeps;
let operator: Staff;
const clock = manualClock();
let repos: Repositories;

async function say(
  conversationId: string,
  at: string,
  role: "user" | "agent",
  usage?: { costUsd: number; latencyMs: number; llmLatencyMs: number; totalTokens: number },
  escalation?: string,
) {
  clock.set(new Date(at));
  const conversation = (await repos.conversations.get(conversationId))!;
  const message = await repos.messages.append({
    conversationId,
    agentId: conversation.agentId,
    role,
    content: role === "user" ? "hello" : "hi there",
    channel: conversation.channel,
    metadata: usage
      ? { usage, escalation: escalation ? { type: escalation, reason: "r", confidence: 1 } : null }
      : undefined,
  });
  expect(ulidTime(message.messageId)).toBe(Date.parse(at));
  await repos.conversations.touchActivity(conversationId, { at: new Date(at) });
}

async function open(at: string, agentId: string, channel: "web_chat" | "telegram" = "web_chat") {
  clock.set(new Date(at));
  return (await repos.conversations.create({ agentId, channel })).conversationId;
}

beforeAll(async () => {
  deps = await createTestDeps({ MESSAGE_TTL_HOURS: "0" });
  operator = principalOf(await seedUser(deps, { role: "operator" }));
  repos = createRepositories(deps.db, { now: clock.now, messageTtlHours: 0 });

  // Written in time order: message ids come from a monotonic ULID factory, which never steps back.
  // Weeks old and quiet since: a today summary never reads it.
  await open("2026-02-15T10:00:00.000Z", "agent_a");

  // In the comparison window of "today in Berlin" (2026-03-08T23:00Z → 2026-03-09T12:00Z).
  const c3 = await open("2026-03-09T10:00:00.000Z", "agent_a");
  await say(c3, "2026-03-09T10:00:00.000Z", "user");
  await repos.conversations.update(c3, { status: "CLOSED", closedAt: "2026-03-09T10:30:00.000Z" });

  // Created yesterday afternoon (in neither window), but it has a message today.
  const c4 = await open("2026-03-09T15:00:00.000Z", "agent_a");

  // 00:30 in Berlin on Mar 10 (today began at 2026-03-09T23:00Z there), but still Mar 9 in UTC.
  const c2 = await open("2026-03-09T23:30:00.000Z", "agent_b", "telegram");
  await say(c2, "2026-03-09T23:30:00.000Z", "user");
  await say(c2, "2026-03-09T23:30:01.000Z", "agent", {
    costUsd: 0.003,
    latencyMs: 400,
    llmLatencyMs: 300,
    totalTokens: 100,
  });
  await repos.conversations.update(c2, { stage: "BOOKED" });

  await say(c4, "2026-03-10T07:00:00.000Z", "user");

  const c1 = await open("2026-03-10T08:00:00.000Z", "agent_a");
  await say(c1, "2026-03-10T08:00:00.000Z", "user");
  await say(c1, "2026-03-10T08:00:01.000Z", "agent", {
    costUsd: 0.001,
    latencyMs: 800,
    llmLatencyMs: 700,
    totalTokens: 300,
  });
  await say(c1, "2026-03-10T09:00:00.000Z", "user");
  await say(c1, "2026-03-10T09:00:01.000Z", "agent", {
    costUsd: 0.002,
    latencyMs: 1200,
    llmLatencyMs: 1000,
    totalTokens: 500,
  });
  await repos.conversations.update(c1, {
    status: "NEEDS_HUMAN",
    needsHumanSince: "2026-03-10T09:00:01.000Z",
    escalationType: "booking",
  });

  // Escalated by a turn, then returned to the AI (which clears needsHumanSince): still an escalation.
  const c6 = await open("2026-03-10T10:00:00.000Z", "agent_a");
  await say(c6, "2026-03-10T10:00:00.000Z", "user");
  await say(
    c6,
    "2026-03-10T10:00:01.000Z",
    "agent",
    { costUsd: 0.004, latencyMs: 1000, llmLatencyMs: 900, totalTokens: 200 },
    "urgent",
  );
  await repos.conversations.update(c6, {
    status: "NEEDS_HUMAN",
    needsHumanSince: "2026-03-10T10:00:01.000Z",
    escalationType: "urgent",
  });
  await repos.conversations.update(c6, { status: "AI_ACTIVE", needsHumanSince: null });
});

afterAll(async () => {
  await deps.db.close();
});

describe("stats.summary", () => {
  it("counts today's conversations, escalations, messages and LLM usage in the viewer's zone", async () => {
    const commands = recordCommands(deps.db);
    const s = await statsSummary(
      deps,
      { period: "today", compare: false, timezone: "Europe/Berlin" },
      NOW,
    );
    expect(s.window).toEqual({ from: "2026-03-09T23:00:00.000Z", to: "2026-03-10T12:00:00.000Z" });
    expect(s.conversations).toEqual({
      total: 3,
      active: 4,
      byStatus: { AI_ACTIVE: 2, NEEDS_HUMAN: 1, HUMAN_ACTIVE: 0, RESOLVED: 0, CLOSED: 0 },
      byStage: { NEW: 2, BOOKED: 1, NO_RESPONSE: 0, REJECTED: 0 },
      byChannel: { web_chat: 2, telegram: 1 },
    });
    expect(s.escalations).toEqual({ total: 2, byType: { booking: 1, urgent: 1 } });
    expect(s.messages).toEqual({ total: 9, byRole: { user: 5, agent: 4, admin: 0, system: 0 } });
    expect(s.llm).toEqual({
      turns: 4,
      costUsd: 0.01,
      totalTokens: 1100,
      latencyMs: { p50: 800, p95: 1200, avg: 850, max: 1200 },
      llmLatencyMs: { p50: 700, p95: 1000, avg: 725, max: 1000 },
    });
    expect(s.comparison).toBeNull();
    expect(s.retention).toEqual({ messageTtlHours: 0, availableFrom: null, complete: true });
    expect(s.reads.conversations).toBe(4);
    expect(commands.names).not.toContain("ScanCommand");
  });

  it("spreads the period over hours (today) and local days, counting like the totals", async () => {
    const today = await statsSummary(
      deps,
      { period: "today", compare: false, timezone: "Europe/Berlin" },
      NOW,
    );
    expect(today.series.bucket).toBe("hour");
    expect(today.series.points).toHaveLength(13);
    expect(today.series.points[0]?.from).toBe("2026-03-09T23:00:00.000Z");
    const active = today.series.points.filter((p) => p.messages > 0 || p.conversations > 0);
    expect(active).toEqual([
      {
        from: "2026-03-09T23:00:00.000Z",
        conversations: 1,
        escalations: 0,
        messages: 2,
        costUsd: 0.003,
      },
      {
        from: "2026-03-10T07:00:00.000Z",
        conversations: 0,
        escalations: 0,
        messages: 1,
        costUsd: 0,
      },
      {
        from: "2026-03-10T08:00:00.000Z",
        conversations: 1,
        escalations: 0,
        messages: 2,
        costUsd: 0.001,
      },
      {
        from: "2026-03-10T09:00:00.000Z",
        conversations: 0,
        escalations: 1,
        messages: 2,
        costUsd: 0.002,
      },
      {
        from: "2026-03-10T10:00:00.000Z",
        conversations: 1,
        escalations: 1,
        messages: 2,
        costUsd: 0.004,
      },
    ]);
    const sum = (key: "conversations" | "escalations" | "messages") =>
      today.series.points.reduce((n, p) => n + p[key], 0);
    expect([sum("conversations"), sum("escalations"), sum("messages")]).toEqual([
      today.conversations.total,
      today.escalations.total,
      today.messages.total,
    ]);

    const week = await statsSummary(
      deps,
      { period: "last_7_days", compare: false, timezone: "UTC" },
      NOW,
    );
    expect(week.series.bucket).toBe("day");
    expect(week.series.points.map((p) => [p.from.slice(0, 10), p.conversations])).toEqual([
      ["2026-03-04", 0],
      ["2026-03-05", 0],
      ["2026-03-06", 0],
      ["2026-03-07", 0],
      ["2026-03-08", 0],
      ["2026-03-09", 3],
      ["2026-03-10", 2],
    ]);
  });

  it("puts the boundary where the zone's midnight is", async () => {
    const utc = await statsSummary(deps, { period: "today", compare: false, timezone: "UTC" }, NOW);
    expect(utc.window.from).toBe("2026-03-10T00:00:00.000Z");
    expect(utc.conversations.total).toBe(2);
    expect(utc.messages.total).toBe(7);
  });

  it("compares with the same stretch of the previous period and gives deltas", async () => {
    const s = await statsSummary(
      deps,
      { period: "today", compare: true, timezone: "Europe/Berlin" },
      NOW,
    );
    expect(s.comparison?.window).toEqual({
      from: "2026-03-08T23:00:00.000Z",
      to: "2026-03-09T12:00:00.000Z",
    });
    expect(s.comparison?.conversations).toMatchObject({ total: 1, byStatus: { CLOSED: 1 } });
    expect(s.comparison?.messages.total).toBe(1);
    expect(s.comparison?.llm).toMatchObject({ turns: 0, latencyMs: null });
    expect(s.comparison?.deltas.conversations).toMatchObject({
      total: 2,
      byStatus: { AI_ACTIVE: 2, NEEDS_HUMAN: 1, CLOSED: -1 },
    });
    expect(s.comparison?.deltas.messages.total).toBe(8);
    expect(s.comparison?.deltas.escalations).toEqual({
      total: 2,
      byType: { booking: 1, urgent: 1 },
    });
    expect(s.comparison?.deltas.llm).toMatchObject({ turns: 4, costUsd: 0.01, latencyMs: null });
  });

  it("filters by agent and covers longer periods", async () => {
    const a = await statsSummary(
      deps,
      { period: "today", compare: false, timezone: "Europe/Berlin", agentId: "agent_a" },
      NOW,
    );
    expect(a.conversations.total).toBe(2);
    expect(a.messages.total).toBe(7);
    const week = await statsSummary(
      deps,
      { period: "last_7_days", compare: false, timezone: "UTC" },
      NOW,
    );
    expect(week.conversations.total).toBe(5);
    const month = await statsSummary(
      deps,
      { period: "last_30_days", compare: false, timezone: "UTC" },
      NOW,
    );
    expect(month.conversations.total).toBe(6);
  });

  it("says when retention has removed part of the period", async () => {
    const retained: ApiDeps = { ...deps, env: { ...deps.env, MESSAGE_TTL_HOURS: 48 } };
    const s = await statsSummary(
      retained,
      { period: "last_7_days", compare: false, timezone: "UTC" },
      NOW,
    );
    expect(s.retention).toEqual({
      messageTtlHours: 48,
      availableFrom: "2026-03-08T12:00:00.000Z",
      complete: false,
    });
  });

  it("is open to every staff member through the router, with a validated time zone", async () => {
    const s = await callerAs(deps, operator).stats.summary({
      period: "last_7_days",
      timezone: "Asia/Tokyo",
      compare: true,
    });
    expect(s).toMatchObject({ period: "last_7_days", timezone: "Asia/Tokyo" });
    expect(s.comparison).not.toBeNull();
    const defaults = await callerAs(deps, operator).stats.summary();
    expect(defaults).toMatchObject({ period: "today", timezone: "UTC", comparison: null });
    try {
      await callerAs(deps, operator).stats.summary({ period: "today", timezone: "Mars/Olympus" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
    }
  });
});
