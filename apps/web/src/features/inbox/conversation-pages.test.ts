import { describe, expect, it } from "vitest";
import { conversationListReducer } from "./conversation-list";
import { listFromPages, withRowChanged, type ConversationPages } from "./conversation-pages";
import type { ConversationFilters } from "./conversation-filters";
import type { ConversationRow } from "~/features/console/types";
import { row } from "~/testing/conversation-fixtures";

const at = (hour: number) => `2026-01-01T${String(hour).padStart(2, "0")}:00:00.000Z`;
const ids = (rows: readonly ConversationRow[]) => rows.map((r) => r.conversationId);

function pages(
  ...list: Array<[ConversationRow[], string | null]>
): ConversationPages<string | null> {
  return {
    pages: list.map(([items, nextCursor]) => ({ items, nextCursor })),
    pageParams: list.map((_, index) => (index === 0 ? null : `cursor-${index}`)),
  };
}

describe("inbox pages in the query cache", () => {
  const a = row({ lastActivityAt: at(12) });
  const b = row({ lastActivityAt: at(11) });
  const c = row({ lastActivityAt: at(10) });
  const d = row({ lastActivityAt: at(9) });

  it("add up to the list the reducer builds from the same pages", () => {
    const data = pages([[a, b], "cursor-1"], [[b, c], "cursor-2"]);
    const state = listFromPages({}, data.pages);
    expect(ids(state.rows)).toEqual(ids([a, b, c]));
    expect(state).toMatchObject({ nextCursor: "cursor-2", loaded: true });
  });

  it("take an event's row as the reducer does, and keep going from the last cursor", () => {
    const filters: ConversationFilters = {};
    const data = pages([[a, b], "cursor-1"], [[c], "cursor-2"]);
    const escalated = { ...c, status: "NEEDS_HUMAN" as const, version: 2 };
    const next = withRowChanged(filters, data, escalated);
    const expected = conversationListReducer(listFromPages(filters, data.pages), {
      type: "rowChanged",
      row: escalated,
    });
    expect(listFromPages(filters, next.pages)).toEqual(expected);
    expect(ids(expected.rows)).toEqual(ids([c, a, b]));
    expect(next.pages.at(-1)?.nextCursor).toBe("cursor-2");
    expect(next.pageParams).toEqual([null]);
    // "Load more" appends to the list the event left.
    const more = listFromPages(filters, [...next.pages, { items: [d], nextCursor: null }]);
    expect(ids(more.rows)).toEqual(ids([c, a, b, d]));
  });

  it("leave the cache alone when the event changes nothing shown", () => {
    const data = pages([[a, b], "cursor-1"]);
    expect(withRowChanged({}, data, row({ lastActivityAt: at(8) }))).toBe(data);
    expect(withRowChanged({}, data, a)).toBe(data);
  });

  it("drop a row that stops matching the filters", () => {
    const filters: ConversationFilters = { status: "AI_ACTIVE" };
    const data = pages([[a, b], null]);
    const next = withRowChanged(filters, data, { ...a, status: "HUMAN_ACTIVE", version: 2 });
    expect(ids(listFromPages(filters, next.pages).rows)).toEqual(ids([b]));
  });
});
