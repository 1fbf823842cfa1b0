import { createRepositories, type AdminUser } from "@agents-crm/db";
import { manualClock } from "@agents-crm/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { REALERT_ACTOR } from "../src/domain/alerts/realert-sweeper";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createTestDeps } from "./helpers/test-api";

const MIN = 60_000;
let deps: ApiDeps;
let alice: AdminUser;
let boris: AdminUser;
let gone: AdminUser;
const ids: Record<string, string> = {};
/** How long the set-up took: every duration it recorded grew by at most this much. */
let setupMinutes = 0;

const ago = (minutes: number) => new Date(Date.now() - minutes * MIN);

async function waiting(minutesAgo: number): Promise<string> {
  const { conversationId } = await deps.repos.conversations.create({
    agentId: "dr_front",
    channel: "web_chat",
  });
  await deps.repos.conversations.update(conversationId, {
    status: "NEEDS_HUMAN",
    escalationType: "booking",
    handoffReason: "Wants an appointment",
    needsHumanSince: ago(minutesAgo).toISOString(),
  });
  return conversationId;
}

/**
 * A duration in ms is about `expected` minutes: the real clock moves on while the set-up runs (seconds on
 * a loaded machine), so it may be longer by as much as the set-up took, never shorter.
 */
function expectMinutes(ms: number | undefined, expected: number) {
  const minutes = (ms ?? NaN) / MIN;
  expect(minutes).toBeGreaterThanOrEqual(expected - 0.01);
  expect(minutes).toBeLessThan(expected + setupMinutes + 0.1);
}

beforeAll(async () => {
  const setupStarted = Date.now();
  deps = await createTestDeps({ ESCALATION_REALERT_MINUTES: "15" });
  alice = await seedUser(deps, { role: "operator", name: "Alice Front" });
  boris = await seedUser(deps, { role: "admin", name: "Boris Desk" });
  gone = await seedUser(deps, { role: "operator", name: "Gina Gone" });
  const asAlice = callerAs(deps, principalOf(alice));
  const asBoris = callerAs(deps, principalOf(boris));

  // The period before (days 8–14 ago of "last 7 days"): one escalation taken over in an hour.
  const clock = manualClock();
  const past = createRepositories(deps.db, { now: clock.now, messageTtlHours: 0 });
  const earlier = await deps.repos.conversations.create({
    agentId: "dr_front",
    channel: "web_chat",
  });
  clock.set(ago(10 * 24 * 60));
  await past.audit.append({
    actorId: boris.userId,
    action: "handoff",
    resourceType: "conversation",
    resourceId: earlier.conversationId,
    oldValue: { status: "NEEDS_HUMAN", needsHumanSince: ago(10 * 24 * 60 + 60).toISOString() },
  });

  // Alice takes over an escalation 20 minutes old, answers it and resolves it.
  ids.c1 = await waiting(20);
  await asAlice.conversations.handoff({ conversationId: ids.c1 });
  await asAlice.conversations.reply({ conversationId: ids.c1, content: "Hello, Alice here." });
  // A staff note is no reply to the customer: never a `send_message`.
  await deps.repos.audit.append({
    actorId: boris.userId,
    action: "note.add",
    resourceType: "conversation",
    resourceId: ids.c1,
  });
  await deps.repos.audit.append({
    actorId: alice.userId,
    action: "resolve",
    resourceType: "conversation",
    resourceId: ids.c1,
    oldValue: { status: "HUMAN_ACTIVE" },
    newValue: { status: "RESOLVED" },
  });

  // Boris answers one waiting 5 minutes (replying takes it over) and assigns it to Alice.
  ids.c2 = await waiting(5);
  await asBoris.conversations.reply({ conversationId: ids.c2, content: "Boris here." });
  await deps.repos.audit.append({
    actorId: boris.userId,
    action: "assign",
    resourceType: "conversation",
    resourceId: ids.c2,
    oldValue: { assigneeId: boris.userId },
    newValue: { assigneeId: alice.userId },
    metadata: { from: boris.userId, to: alice.userId },
  });

  // Gina takes one over, then leaves.
  ids.c3 = await waiting(3);
  await callerAs(deps, principalOf(gone)).conversations.handoff({ conversationId: ids.c3 });
  await deps.repos.adminUsers.delete(gone.userId);

  // Nobody takes this one: the sweeper re-alerts it once.
  ids.c4 = await waiting(30);
  expect(await deps.alerts.sweep()).toBe(1);
  expect(await deps.alerts.sweep()).toBe(0);
  await deps.alerts.drain();
  setupMinutes = (Date.now() - setupStarted) / MIN;
});

describe("stats.humans", () => {
  it("the sweeper records each re-alert it fires in the audit log, by the system", async () => {
    const page = await deps.repos.audit.list({ action: "realert" });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      actorId: REALERT_ACTOR.id,
      resourceId: ids.c4,
      metadata: { waitingMinutes: 30 },
    });
  });

  it("take-overs, first responses, resolves and re-alerts of the period, against the period before", async () => {
    const humans = await callerAs(deps, principalOf(boris)).stats.humans({
      period: "last_7_days",
      compare: true,
      timezone: "Europe/Berlin",
    });
    expect(humans.takeovers).toBe(3);
    // Every take-over carried its escalation time: no conversation row was read.
    expect(humans.reads.conversationReads).toBe(0);
    expect(humans.realertsFired).toBe(1);
    expect(humans.resolved).toBe(1);
    expect(humans.handled).toBe(3);
    // Escalation → take-over: 20, 5 and 3 minutes (recorded with each take-over).
    expect(humans.escalationToTakeoverMs?.count).toBe(3);
    expectMinutes(humans.escalationToTakeoverMs?.median, 5);
    expectMinutes(humans.escalationToTakeoverMs?.p90, 20);
    // First staff messages: Alice 20 min after the escalation, Boris 5; Gina never wrote.
    expect(humans.firstResponseMs?.count).toBe(2);
    expectMinutes(humans.firstResponseMs?.p90, 20);
    expectMinutes(humans.timeToResolveMs?.median, 20);

    expect(humans.comparison?.takeovers).toBe(1);
    expect(humans.comparison?.escalationToTakeoverMs).toEqual({
      count: 1,
      median: 60 * MIN,
      p90: 60 * MIN,
    });
    expect(humans.comparison?.deltas.takeovers).toBe(2);
    expect(humans.comparison?.deltas.realertsFired).toBe(1);
    expect(humans.comparison?.firstResponseMs).toBeNull();
    expect(humans.comparison?.deltas.firstResponseMs).toBeNull();

    const staff = Object.fromEntries(humans.staff.map((s) => [s.staffId, s]));
    expect(staff[alice.userId]).toMatchObject({
      name: "Alice Front",
      former: false,
      handled: 2,
      resolved: 1,
    });
    expectMinutes(staff[alice.userId]?.firstResponseMs?.median, 20);
    expect(staff[boris.userId]).toMatchObject({ name: "Boris Desk", handled: 1, resolved: 0 });
    expectMinutes(staff[boris.userId]?.firstResponseMs?.median, 5);
    expect(staff[gone.userId]).toMatchObject({ name: null, former: true, handled: 1 });
    expect(humans.staff[0]?.staffId).toBe(alice.userId);
    expect(humans.series.points.reduce((sum, p) => sum + p.takeovers, 0)).toBe(3);
    expect(humans.series.points.reduce((sum, p) => sum + p.realerts, 0)).toBe(1);
  });

  it("an agent filter counts only that agent's conversations; an empty period has no durations", async () => {
    const other = await callerAs(deps, principalOf(alice)).stats.humans({
      period: "today",
      agentId: "dr_elsewhere",
    });
    expect(other).toMatchObject({
      takeovers: 0,
      resolved: 0,
      realertsFired: 0,
      firstResponseMs: null,
      timeToResolveMs: null,
      staff: [],
      comparison: null,
    });
  });

  it("refuses an unknown period or time zone with a clear 400", async () => {
    const caller = callerAs(deps, principalOf(alice));
    await expect(
      caller.stats.humans({ period: "forever" as never, timezone: "UTC" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.stats.humans({ timezone: "Mars/Olympus" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
