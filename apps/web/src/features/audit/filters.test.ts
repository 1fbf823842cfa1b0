import { describe, expect, it } from "vitest";
import {
  auditFiltersFromParams,
  auditFiltersToQuery,
  auditListInput,
  rangeProblem,
  sameAuditFilters,
} from "./audit-filters";
import { collectPages } from "./collect-pages";

describe("audit filters in the query string", () => {
  it("round-trips every filter so a link shares the view", () => {
    const filters = auditFiltersFromParams({
      actor: "01JUSER",
      action: "handoff",
      type: "conversation",
      target: " 01JCONV ",
      from: "2026-11-01",
      to: "2026-11-25",
    });
    expect(filters).toEqual({
      actor: "01JUSER",
      action: "handoff",
      type: "conversation",
      target: "01JCONV",
      from: "2026-11-01",
      to: "2026-11-25",
    });
    const query = auditFiltersToQuery(filters);
    expect(query).toBe(
      "?actor=01JUSER&action=handoff&type=conversation&target=01JCONV&from=2026-11-01&to=2026-11-25",
    );
    expect(auditFiltersFromParams(Object.fromEntries(new URLSearchParams(query)))).toEqual(filters);
  });

  it("drops what the API would refuse: bad days, blank and over-long values", () => {
    expect(
      auditFiltersFromParams({
        from: "2026-13-01",
        to: "last week",
        action: "  ",
        target: "x".repeat(201),
      }),
    ).toEqual({});
    expect(auditFiltersToQuery({})).toBe("");
    expect(sameAuditFilters({ action: "handoff" }, { action: "handoff", to: undefined })).toBe(
      true,
    );
    expect(sameAuditFilters({ action: "handoff" }, {})).toBe(false);
  });

  it("turns days into the viewer's midnights and names a backwards range", () => {
    expect(
      auditListInput(
        { from: "2026-11-01", to: "2026-11-25", actor: "u1", type: "agent", target: "demo" },
        "Europe/Moscow",
      ),
    ).toEqual({
      from: new Date("2026-10-31T21:00:00.000Z"),
      to: new Date("2026-11-25T20:59:59.999Z"),
      actorId: "u1",
      resourceType: "agent",
      resourceId: "demo",
    });
    expect(auditListInput({}, "UTC")).toEqual({});
    expect(rangeProblem({ from: "2026-11-25", to: "2026-11-01" })).toBe("from");
    expect(rangeProblem({ from: "2026-11-25", to: "2026-11-25" })).toBeNull();
  });
});

describe("reading every page for an export", () => {
  const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
    start: { items: [1, 2], nextCursor: "p2" },
    p2: { items: [3], nextCursor: "p3" },
    p3: { items: [], nextCursor: null },
  };

  it("follows cursors to the end and reports progress", async () => {
    const progress: number[] = [];
    const cursors: (string | null)[] = [];
    const all = await collectPages(
      (cursor) => {
        cursors.push(cursor);
        return Promise.resolve(pages[cursor ?? "start"]!);
      },
      { onProgress: (n) => progress.push(n) },
    );
    expect(all).toEqual([1, 2, 3]);
    expect(cursors).toEqual([null, "p2", "p3"]);
    expect(progress).toEqual([2, 3, 3]);
  });

  it("stops when cancelled and refuses a list that loops", async () => {
    const controller = new AbortController();
    const reading = collectPages(
      (cursor) => {
        if (cursor === "p2") controller.abort();
        return Promise.resolve(pages[cursor ?? "start"]!);
      },
      { signal: controller.signal },
    );
    await expect(reading).rejects.toThrow();
    await expect(
      collectPages(() => Promise.resolve({ items: [1], nextCursor: "again" })),
    ).rejects.toThrow(/same cursor twice/);
  });
});
