import { describe, expect, it } from "vitest";
import {
  filtersFromParams,
  filtersToQuery,
  listInput,
  matchesFilters,
  needsServerSearch,
  sameFilters,
} from "./conversation-filters";
import { row } from "~/testing/conversation-fixtures";

describe("inbox filters in the query string", () => {
  it("round-trips known filters", () => {
    const filters = filtersFromParams({
      status: "NEEDS_HUMAN",
      agentId: "demo_clinic",
      channel: "telegram",
      stage: "BOOKED",
      search: " anna ",
    });
    expect(filters).toEqual({
      status: "NEEDS_HUMAN",
      agentId: "demo_clinic",
      channel: "telegram",
      stage: "BOOKED",
      search: "anna",
    });
    expect(
      filtersFromParams(Object.fromEntries(new URLSearchParams(filtersToQuery(filters)))),
    ).toEqual(filters);
  });

  it("drops values the API would refuse", () => {
    expect(filtersFromParams({ status: "WHATEVER", channel: "fax", search: "   " })).toEqual({});
    expect(filtersToQuery({})).toBe("");
  });

  it("compares filter sets by value", () => {
    expect(sameFilters({ status: "CLOSED" }, { status: "CLOSED", search: undefined })).toBe(true);
    expect(sameFilters({ status: "CLOSED" }, {})).toBe(false);
  });
});

describe("matchesFilters", () => {
  it("is sure of the id only; the server decides everything else", () => {
    const r = row({ externalUserId: "tg-42", lastMessagePreview: "Can I book Monday?" });
    expect(matchesFilters(r, { search: r.conversationId.toLowerCase() })).toBe(true);
    expect(matchesFilters(r, { search: `#${r.conversationId.slice(-6)}` })).toBe(true);
    // A substring of the preview is not the server's match ("ond" finds no word starting so).
    expect(matchesFilters(r, { search: "ond" })).toBe("unknown");
    expect(matchesFilters(r, { search: "monday" })).toBe("unknown");
    expect(matchesFilters(r, { search: "friday" })).toBe("unknown");
  });

  it("asks the server about a live row a search has not placed yet", () => {
    const r = row({ lastMessagePreview: "Can I book Monday?" });
    expect(needsServerSearch({ search: "monday" }, r, false)).toBe(true);
    // Already a result: it stays; no search: the other filters decide locally.
    expect(needsServerSearch({ search: "monday" }, r, true)).toBe(false);
    expect(needsServerSearch({}, r, false)).toBe(false);
    // The id is certain, and a row another filter excludes needs no question.
    expect(needsServerSearch({ search: r.conversationId }, r, false)).toBe(false);
    expect(needsServerSearch({ search: "monday", status: "CLOSED" }, r, false)).toBe(false);
  });

  it("keeps a label filter in the address and matches rows carrying it", () => {
    const filters = filtersFromParams({ label: " Wisdom  Tooth " });
    expect(filters).toEqual({ label: "wisdom tooth" });
    expect(filtersToQuery(filters)).toBe("?label=wisdom+tooth");
    expect(filtersFromParams({ label: "<script>" })).toEqual({});
    expect(matchesFilters(row({ labels: ["wisdom tooth", "vip"] }), filters)).toBe(true);
    expect(matchesFilters(row({ labels: ["vip"] }), filters)).toBe(false);
    expect(matchesFilters(row({}), filters)).toBe(false);
  });

  it("cannot tell for an Instagram profile name it does not have", () => {
    const ig = row({ channel: "instagram", externalUserId: "1784" });
    expect(matchesFilters(ig, { search: "maria" })).toBe("unknown");
    expect(matchesFilters(ig, { search: "maria", status: "CLOSED" })).toBe(false);
  });
});

describe("the Snoozed view", () => {
  const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

  it("is kept in the query string like a status, and asks the list for the snoozed flag", () => {
    const filters = filtersFromParams({ status: "SNOOZED", agentId: "demo_clinic" });
    expect(filters).toEqual({ status: "SNOOZED", agentId: "demo_clinic" });
    expect(filtersToQuery(filters)).toBe("?status=SNOOZED&agentId=demo_clinic");
    expect(listInput(filters)).toEqual({ snoozed: true, agentId: "demo_clinic" });
    expect(listInput({ status: "NEEDS_HUMAN" })).toEqual({ status: "NEEDS_HUMAN" });
    expect(listInput({})).toEqual({});
  });

  it("holds a snoozed conversation until it wakes; Needs human holds it after", () => {
    const snoozed = row({ status: "NEEDS_HUMAN", snoozedUntil: inAnHour() });
    expect(matchesFilters(snoozed, { status: "SNOOZED" })).toBe(true);
    expect(matchesFilters(snoozed, { status: "NEEDS_HUMAN" })).toBe(false);
    expect(matchesFilters(snoozed, {})).toBe(true);
    const woken = { ...snoozed, snoozedUntil: new Date(Date.now() - 1_000).toISOString() };
    expect(matchesFilters(woken, { status: "SNOOZED" })).toBe(false);
    expect(matchesFilters(woken, { status: "NEEDS_HUMAN" })).toBe(true);
    expect(matchesFilters(row({ status: "HUMAN_ACTIVE" }), { status: "SNOOZED" })).toBe(false);
  });
});
