import { describe, expect, it } from "vitest";
import { compareQueued } from "./queue-order";

const queued = (id: string, escalationType: string | undefined, needsHumanSince: string) => ({
  conversationId: id,
  escalationType,
  needsHumanSince,
  lastActivityAt: needsHumanSince,
});

describe("the needs-human queue in the console", () => {
  it("sorts live rows as the server pages them: most urgent, then longest waiting", () => {
    const rows = [
      queued("routine-old", "booking", "2026-03-01T08:00:00.000Z"),
      queued("urgent-new", "urgent", "2026-03-01T09:30:00.000Z"),
      queued("other", "custom", "2026-03-01T07:00:00.000Z"),
      queued("medical", "medical", "2026-03-01T09:00:00.000Z"),
      queued("urgent-old", "urgent", "2026-03-01T09:10:00.000Z"),
      queued("untyped", undefined, "2026-03-01T06:00:00.000Z"),
      queued("abuse", "moderation", "2026-03-01T09:20:00.000Z"),
    ];
    expect([...rows].sort(compareQueued).map((r) => r.conversationId)).toEqual([
      "urgent-old",
      "urgent-new",
      "medical",
      "abuse",
      "routine-old",
      "untyped",
      "other",
    ]);
  });
});
