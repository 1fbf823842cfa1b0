import { createRepositories, type Db, type Repositories } from "@agents-crm/db";
import { startTestDb } from "@agents-crm/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../src/logger";
import { createEventHub, REPLICA_RESUME_SKEW_MS } from "../src/realtime/event-hub";
import { eventIdFloor, eventIdTime, resumePoint } from "../src/realtime/event-ids";
import { RESYNC_EVENT, streamEvents, type StreamItem } from "../src/realtime/event-stream";
import type { EventHub, RealtimeEvent } from "../src/realtime/types";

let db: Db;
let repos: Repositories;
let hub: EventHub;
let streamNo = 0;
const nextStream = () => `test#${++streamNo}`;

beforeAll(async () => {
  ({ db, repos } = await startTestDb());
  hub = createEventHub({ eventLog: repos.eventLog, log: silentLogger });
});

afterAll(async () => {
  await hub.close();
  await db.close();
});

/** Reads a stream subscription in the background until stopped. */
function reader(target: EventHub, stream: string, lastEventId: string | null = null) {
  const controller = new AbortController();
  const items: StreamItem[] = [];
  const done = (async () => {
    for await (const item of streamEvents(target, stream, {
      lastEventId,
      signal: controller.signal,
    }))
      items.push(item);
  })();
  return {
    items,
    ids: () => items.filter((i) => !i.event.transient).map((i) => i.event.id),
    async stop() {
      controller.abort();
      await done;
    },
  };
}

async function until(check: () => boolean, timeoutMs = 3_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("event ids", () => {
  it("floors and reads the time of ULIDs, and resumes with or without a skew", () => {
    const floor = eventIdFloor(1_700_000_000_123);
    expect(floor).toMatch(/^[0-9A-Z]{10}0{16}$/);
    expect(eventIdTime(floor)).toBe(1_700_000_000_123);
    expect(resumePoint("01HZZZZZZZZZZZZZZZZZZZZZZZ", 0, 0)).toBe("01HZZZZZZZZZZZZZZZZZZZZZZZ");
    const skewed = resumePoint(floor, 2_000, 0);
    expect(eventIdTime(skewed)).toBe(1_700_000_000_123 - 2_000);
  });
});

describe("event hub", () => {
  it("logs then delivers durable events in id order; transient ones are delivered but never logged", async () => {
    const stream = nextStream();
    const seen: RealtimeEvent[] = [];
    const unsubscribe = hub.subscribe(stream, (event) => seen.push(event));
    const published = await Promise.all(
      Array.from({ length: 40 }, (_, i) => hub.publish(stream, "tick", { i })),
    );
    await hub.publishTransient(stream, "delta", { text: "typing" });
    unsubscribe();
    const durable = seen.filter((e) => !e.transient);
    expect(durable.map((e) => e.id)).toEqual(published.map((e) => e.id));
    expect([...durable.map((e) => e.id)].sort()).toEqual(durable.map((e) => e.id));
    expect(seen.at(-1)).toMatchObject({
      type: "delta",
      transient: true,
      payload: { text: "typing" },
    });
    const logged = await hub.replay(stream, null);
    expect(logged.map((e) => e.id)).toEqual(published.map((e) => e.id));
    expect(logged.some((e) => e.type === "delta")).toBe(false);
    expect(hub.listenerCount(stream)).toBe(0);
  });

  it("delivers the same JSON shape live and on replay", async () => {
    const stream = nextStream();
    const seen: RealtimeEvent[] = [];
    const unsubscribe = hub.subscribe(stream, (event) => seen.push(event));
    await hub.publish(stream, "shape", { a: 1, b: undefined, when: new Date(0) });
    unsubscribe();
    const [replayed] = await hub.replay(stream, null);
    expect(seen[0]?.payload).toEqual({ a: 1, when: "1970-01-01T00:00:00.000Z" });
    expect(replayed?.payload).toEqual(seen[0]?.payload);
  });
});

describe("subscriptions", () => {
  it("resume from lastEventId with exactly what was missed, then continue live", async () => {
    const stream = nextStream();
    const first = reader(hub, stream);
    await until(() => hub.listenerCount(stream) === 1);
    for (let i = 0; i < 3; i++) await hub.publish(stream, "n", { i });
    await until(() => first.items.length === 3);
    const resumeFrom = first.items.at(-1)?.cursor ?? null;
    await first.stop();
    expect(hub.listenerCount(stream)).toBe(0);

    const missed = [];
    for (let i = 3; i < 6; i++) missed.push((await hub.publish(stream, "n", { i })).id);
    const second = reader(hub, stream, resumeFrom);
    await until(() => second.items.length === 3);
    const live = await hub.publish(stream, "n", { i: 6 });
    await until(() => second.items.length === 4);
    expect(second.ids()).toEqual([...missed, live.id]);
    await second.stop();
  });

  it("lose and repeat nothing when events are published while the subscription starts", async () => {
    const stream = nextStream();
    const before = await hub.publish(stream, "n", { i: -1 });
    const publishing = Promise.all(
      Array.from({ length: 60 }, (_, i) => hub.publish(stream, "n", { i })),
    );
    const sub = reader(hub, stream, before.id);
    const all = await publishing;
    await until(() => sub.items.length >= 60);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sub.ids()).toEqual(all.map((e) => e.id));
    // Every cursor handed out is a safe resume point: never behind an item already delivered.
    const cursors = sub.items.map((i) => i.cursor);
    expect([...cursors].sort()).toEqual(cursors);
    await sub.stop();
  });

  it("carry the last durable id as the cursor of transient events", async () => {
    const stream = nextStream();
    const sub = reader(hub, stream);
    await until(() => hub.listenerCount(stream) === 1);
    const durable = await hub.publish(stream, "message", {});
    await hub.publishTransient(stream, "reply.delta", { text: "Hel" });
    await until(() => sub.items.length === 2);
    expect(sub.items[1]).toMatchObject({ cursor: durable.id, event: { transient: true } });
    await sub.stop();
  });

  it("re-read the skew window before lastEventId, so an event another replica logged a moment earlier is not skipped", async () => {
    const stream = nextStream();
    const replicaHub = createEventHub({
      eventLog: repos.eventLog,
      log: silentLogger,
      resumeSkewMs: 2_000,
    });
    // Another replica whose event got an earlier id but reached this subscriber after ours.
    const otherReplica = createRepositories(db, { now: () => new Date(Date.now() - 500) });
    const ours = await replicaHub.publish(stream, "n", { who: "us" });
    const theirs = await otherReplica.eventLog.append(stream, {
      type: "n",
      payload: { who: "them" },
    });
    expect(theirs.eventId < ours.id).toBe(true);
    const resumed = reader(replicaHub, stream, ours.id);
    await until(() => resumed.items.length === 1);
    expect(resumed.ids()).toEqual([theirs.eventId]);
    await resumed.stop();
    await replicaHub.close();
  });

  it("re-read far enough by default that a replica seconds behind (a starved process) is not skipped", async () => {
    const stream = nextStream();
    const withReplicas = createEventHub({
      eventLog: repos.eventLog,
      log: silentLogger,
      resumeSkewMs: REPLICA_RESUME_SKEW_MS,
    });
    const stalled = createRepositories(db, { now: () => new Date(Date.now() - 5_000) });
    const ours = await withReplicas.publish(stream, "n", { who: "us" });
    const theirs = await stalled.eventLog.append(stream, { type: "n", payload: { who: "them" } });
    const resumed = reader(withReplicas, stream, ours.id);
    await until(() => resumed.items.length === 1);
    expect(resumed.ids()).toEqual([theirs.eventId]);
    await resumed.stop();
    await withReplicas.close();
  });

  it("tell a client that missed too much to reload instead of replaying it all", async () => {
    const stream = nextStream();
    const first = await hub.publish(stream, "n", { i: 0 });
    for (let batch = 0; batch < 11; batch++) {
      await Promise.all(
        Array.from({ length: 100 }, (_, i) => hub.publish(stream, "n", { i: batch * 100 + i })),
      );
    }
    const sub = reader(hub, stream, first.id);
    await until(() => sub.items.length === 1);
    expect(sub.items[0]?.event.type).toBe(RESYNC_EVENT);
    const live = await hub.publish(stream, "n", { live: true });
    await until(() => sub.items.length === 2);
    expect(sub.items[1]?.event.id).toBe(live.id);
    await sub.stop();
  });

  it("remove their listener when the consumer stops iterating", async () => {
    const stream = nextStream();
    const iterator = streamEvents(hub, stream)[Symbol.asyncIterator]();
    const next = iterator.next();
    await until(() => hub.listenerCount(stream) === 1);
    await hub.publish(stream, "n", {});
    await next;
    await iterator.return(undefined);
    expect(hub.listenerCount(stream)).toBe(0);
  });
});
