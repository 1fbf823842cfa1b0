import { describe, expect, it } from "vitest";
import {
  boardFiltersFromParams,
  boardFiltersToQuery,
  compactBoardFilters,
  sameBoardFilters,
} from "./board-filters";

describe("the pipeline board's filters in the URL", () => {
  it("round-trip through the query string", () => {
    const filters = { agentId: "sales bot/2", channel: "telegram" } as const;
    const query = boardFiltersToQuery(filters);
    expect(query).toBe("?agent=sales+bot%2F2&channel=telegram");
    expect(boardFiltersFromParams(Object.fromEntries(new URLSearchParams(query)))).toEqual(filters);
  });

  it("carry a label, normalised as stored; a label that cannot exist is dropped", () => {
    const filters = boardFiltersFromParams({ label: " VIP  Client " });
    expect(filters).toEqual({ label: "vip client" });
    expect(boardFiltersToQuery(filters)).toBe("?label=vip+client");
    expect(boardFiltersFromParams({ label: "a;b" })).toEqual({});
    expect(sameBoardFilters({ label: "vip" }, {})).toBe(false);
  });

  it("leave the query string empty when nothing is filtered", () => {
    expect(boardFiltersToQuery({})).toBe("");
    expect(boardFiltersToQuery({ agentId: "", channel: undefined })).toBe("");
    expect(boardFiltersToQuery({ channel: "web_chat" })).toBe("?channel=web_chat");
  });

  it("drop what a hand-edited link gets wrong", () => {
    expect(boardFiltersFromParams({ agent: "  ", channel: "fax" })).toEqual({});
    expect(boardFiltersFromParams({ agent: "a".repeat(129) })).toEqual({});
    expect(
      boardFiltersFromParams({ agent: [" bot ", "other"], channel: ["web_chat", "telegram"] }),
    ).toEqual({
      agentId: "bot",
      channel: "web_chat",
    });
  });

  it("compare by value, so re-choosing the same filter keeps the board", () => {
    expect(compactBoardFilters({ agentId: "", channel: "web_chat" })).toEqual({
      channel: "web_chat",
    });
    expect(sameBoardFilters({}, { agentId: undefined })).toBe(true);
    expect(sameBoardFilters({ agentId: "a" }, { agentId: "b" })).toBe(false);
    expect(sameBoardFilters({ channel: "web_chat" }, {})).toBe(false);
  });
});
