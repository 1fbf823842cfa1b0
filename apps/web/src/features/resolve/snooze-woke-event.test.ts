import { describe, expect, it } from "vitest";
import type { AdminEvent } from "~/features/console/types";
import { row } from "~/testing/conversation-fixtures";
import { snoozeWokeForViewer } from "./snooze-woke-event";

const event = (
  overrides: {
    assigneeId?: string;
    status?: string;
    change?: string;
    actorId?: string | null;
  } = {},
) =>
  ({
    type: "conversation.updated",
    payload: {
      conversation: {
        ...row(),
        status: overrides.status ?? "HUMAN_ACTIVE",
        assigneeId: "assigneeId" in overrides ? overrides.assigneeId : "u-olga",
      },
      change: overrides.change ?? "snooze_ended",
      actorId: "actorId" in overrides ? overrides.actorId : null,
    },
    at: "2026-12-06T10:00:00.000Z",
  }) as AdminEvent;

describe("a snoozed conversation waking up", () => {
  it("tells its assignee when its time ran out or a colleague woke it", () => {
    expect(snoozeWokeForViewer(event(), "u-olga")).toMatchObject({ status: "HUMAN_ACTIVE" });
    expect(snoozeWokeForViewer(event({ actorId: "u-anna" }), "u-olga")).not.toBeNull();
  });

  it("tells everyone while nobody is assigned, and nobody else while someone is", () => {
    expect(snoozeWokeForViewer(event({ assigneeId: undefined }), "u-pavel")).not.toBeNull();
    expect(snoozeWokeForViewer(event(), "u-pavel")).toBeNull();
  });

  it("is silent for the one who woke it, for other changes, and while it waits for a human (re-alerted)", () => {
    expect(snoozeWokeForViewer(event({ actorId: "u-olga" }), "u-olga")).toBeNull();
    expect(snoozeWokeForViewer(event({ change: "snoozed" }), "u-olga")).toBeNull();
    expect(snoozeWokeForViewer(event({ status: "NEEDS_HUMAN" }), "u-olga")).toBeNull();
  });
});
