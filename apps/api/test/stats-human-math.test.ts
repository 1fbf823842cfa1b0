import type { AuditEntry } from "@agents-crm/db";
import { describe, expect, it } from "vitest";
import { durations } from "../src/domain/stats/durations";
import { humanSeries, humanValues, staffActivity } from "../src/domain/stats/human-aggregate";
import { humanMeasures, type HumanConversation } from "../src/domain/stats/human-episodes";
import { humanEventsOf, type HumanEvent } from "../src/domain/stats/human-events";

const MIN = 60_000;
const T0 = Date.parse("2026-03-10T08:00:00.000Z");
const at = (minutes: number) => T0 + minutes * MIN;
const window = { from: new Date(T0), to: new Date(at(24 * 60 - 1)) };

function entry(action: string, minutes: number, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    logId: `log-${action}-${minutes}`,
    actorId: "u1",
    action,
    resourceType: "conversation",
    resourceId: "c1",
    timestamp: new Date(at(minutes)).toISOString(),
    metadata: {},
    ...extra,
  };
}

const events = (...entries: AuditEntry[]): HumanEvent[] => entries.flatMap(humanEventsOf);
const escalated = (minutes: number) => ({
  status: "NEEDS_HUMAN",
  needsHumanSince: new Date(at(minutes)).toISOString(),
});

describe("durations (median, p90)", () => {
  it("an empty period has no durations, never 0 ms", () => {
    expect(durations([])).toBeNull();
  });

  it("one value is its own median and p90", () => {
    expect(durations([42])).toEqual({ count: 1, median: 42, p90: 42 });
  });

  it("the median of an even count is the mean of the two middle values; p90 is a nearest rank", () => {
    expect(durations([4, 1, 3, 2])).toEqual({ count: 4, median: 3, p90: 4 });
    expect(durations([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual({
      count: 10,
      median: 55,
      p90: 90,
    });
    // Eleven values: p90 is the 10th (ceil(9.9)).
    const eleven = Array.from({ length: 11 }, (_, i) => (i + 1) * 1000);
    expect(durations(eleven)).toEqual({ count: 11, median: 6000, p90: 10_000 });
  });

  it("unsorted input and equal values", () => {
    expect(durations([5, 5, 5, 1])).toEqual({ count: 4, median: 5, p90: 5 });
  });
});

describe("human episodes", () => {
  it("escalation → take-over → first reply → resolve, with notes and later replies not counted", () => {
    const measures = humanMeasures(
      events(
        entry("handoff", 10, { oldValue: escalated(0) }),
        entry("send_message", 25),
        entry("send_message", 40),
        entry("resolve", 60),
      ),
      new Map(),
    );
    expect(measures.escalationToTakeover.map((m) => m.ms)).toEqual([10 * MIN]);
    expect(measures.firstResponse.map((m) => m.ms)).toEqual([25 * MIN]);
    expect(measures.resolutions.map((m) => m.ms)).toEqual([60 * MIN]);
  });

  it("a reply that takes over an escalation is both the take-over and the first response", () => {
    const measures = humanMeasures(
      events(entry("send_message", 7, { oldValue: escalated(2) })),
      new Map(),
    );
    expect(measures.takeovers).toHaveLength(1);
    expect(measures.escalationToTakeover.map((m) => m.ms)).toEqual([5 * MIN]);
    expect(measures.firstResponse.map((m) => m.ms)).toEqual([5 * MIN]);
  });

  it("a take-over from the AI by the button starts the wait; a reply taking over from the AI does not", () => {
    const button = humanMeasures(
      events(entry("handoff", 0, { oldValue: { status: "AI_ACTIVE" } }), entry("send_message", 3)),
      new Map(),
    );
    expect(button.escalationToTakeover).toEqual([]);
    expect(button.firstResponse.map((m) => m.ms)).toEqual([3 * MIN]);
    const byReply = humanMeasures(
      events(entry("send_message", 0, { oldValue: { status: "AI_ACTIVE" } })),
      new Map(),
    );
    expect(byReply.firstResponse).toEqual([]);
    expect(byReply.takeovers).toHaveLength(1);
  });

  it("older take-over entries without the escalation time read the conversation's mark", () => {
    const conversations = new Map<string, HumanConversation>([
      ["c1", { createdAt: at(-30), needsHumanSince: at(1) }],
    ]);
    const measures = humanMeasures(
      events(entry("handoff", 4, { oldValue: { status: "NEEDS_HUMAN" } })),
      conversations,
    );
    expect(measures.escalationToTakeover.map((m) => m.ms)).toEqual([3 * MIN]);
  });

  it("a resolve without an episode counts from the conversation's start; a return to the AI ends one", () => {
    const conversations = new Map<string, HumanConversation>([
      ["c1", { createdAt: at(-30), needsHumanSince: null }],
    ]);
    const measures = humanMeasures(
      events(
        entry("handoff", 0, { oldValue: { status: "AI_ACTIVE" } }),
        entry("return_to_ai", 5),
        entry("send_message", 6),
        entry("close_conversation", 10),
      ),
      conversations,
    );
    expect(measures.firstResponse).toEqual([]);
    expect(measures.resolutions.map((m) => m.ms)).toEqual([40 * MIN]);
  });

  it("assignments count as handled by the assignee; re-alerts are counted", () => {
    const measures = humanMeasures(
      events(
        entry("assign", 1, { metadata: { from: null, to: "u2" } }),
        entry("assign", 2, { newValue: { assigneeId: null } }),
        entry("realert", 15, { actorId: "system" }),
      ),
      new Map(),
    );
    expect(measures.handled.map((t) => t.actorId)).toEqual(["u2"]);
    expect(measures.realerts).toHaveLength(1);
  });
});

describe("human values per period", () => {
  it("an empty period: zero counts and no durations", () => {
    const measures = humanMeasures([], new Map());
    expect(humanValues(measures, window)).toEqual({
      takeovers: 0,
      escalationToTakeoverMs: null,
      firstResponseMs: null,
      timeToResolveMs: null,
      resolved: 0,
      handled: 0,
      realertsFired: 0,
    });
    expect(staffActivity(measures, window)).toEqual([]);
    expect(
      humanSeries(measures, window, "hour", "UTC").points.every((p) => p.takeovers === 0),
    ).toBe(true);
  });

  it("durations count in the period they ended in; per staff member, busiest first", () => {
    const measures = humanMeasures(
      events(
        entry("handoff", -20, { oldValue: escalated(-30) }),
        entry("send_message", 5, { resourceId: "c1" }),
        entry("handoff", 10, { resourceId: "c2", actorId: "u2", oldValue: escalated(6) }),
        entry("send_message", 12, { resourceId: "c2", actorId: "u2" }),
        entry("handoff", 20, { resourceId: "c3", actorId: "u2", oldValue: escalated(0) }),
        entry("send_message", 30, { resourceId: "c3", actorId: "u2" }),
        entry("resolve", 90, { resourceId: "c3", actorId: "u2" }),
      ),
      new Map(),
    );
    const values = humanValues(measures, window);
    expect(values.takeovers).toBe(2);
    expect(values.escalationToTakeoverMs).toEqual({ count: 2, median: 12 * MIN, p90: 20 * MIN });
    // c1's first reply ended in the window: 35 min after its escalation, though that was before.
    expect(values.firstResponseMs).toEqual({ count: 3, median: 30 * MIN, p90: 35 * MIN });
    expect(values.timeToResolveMs).toEqual({ count: 1, median: 90 * MIN, p90: 90 * MIN });
    expect(values.resolved).toBe(1);
    expect(values.handled).toBe(3);
    expect(staffActivity(measures, window)).toEqual([
      {
        staffId: "u2",
        handled: 2,
        resolved: 1,
        firstResponseMs: { count: 2, median: 18 * MIN, p90: 30 * MIN },
      },
      {
        staffId: "u1",
        handled: 1,
        resolved: 0,
        firstResponseMs: { count: 1, median: 35 * MIN, p90: 35 * MIN },
      },
    ]);
    const series = humanSeries(measures, window, "hour", "UTC");
    expect(series.points[0]).toMatchObject({ takeovers: 2, resolved: 0 });
    expect(series.points[1]).toMatchObject({ takeovers: 0, resolved: 1 });
  });
});
