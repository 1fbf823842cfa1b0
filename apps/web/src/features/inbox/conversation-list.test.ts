import { describe, expect, it } from "vitest";
import {
  conversationListReducer,
  initialListState,
  type ConversationListState,
} from "./conversation-list";
import { needsServerSearch, type ConversationFilters } from "./conversation-filters";
import type { ConversationRow } from "~/features/console/types";
import { row } from "~/testing/conversation-fixtures";

const ids = (state: ConversationListState) => state.rows.map((r) => r.conversationId);

function loaded(
  filters: ConversationFilters,
  items: ConversationRow[],
  nextCursor: string | null = null,
): ConversationListState {
  return conversationListReducer(initialListState(filters), {
    type: "pageLoaded",
    filters,
    items,
    nextCursor,
    append: false,
  });
}

describe("conversation list reducer", () => {
  it("orders needs-human first, then newest activity", () => {
    const old = row({ lastActivityAt: "2026-01-01T10:00:00.000Z" });
    const newer = row({ lastActivityAt: "2026-01-01T11:00:00.000Z" });
    const waiting = row({ status: "NEEDS_HUMAN", lastActivityAt: "2026-01-01T09:00:00.000Z" });
    const state = loaded({}, [old, newer, waiting]);
    expect(ids(state)).toEqual([waiting.conversationId, newer.conversationId, old.conversationId]);
  });

  it("moves an escalated row to the top from an event, without reloading", () => {
    const a = row({ lastActivityAt: "2026-01-01T11:00:00.000Z" });
    const b = row({ lastActivityAt: "2026-01-01T10:00:00.000Z" });
    const state = loaded({}, [a, b]);
    const escalated = { ...b, status: "NEEDS_HUMAN" as const, version: 2 };
    const next = conversationListReducer(state, { type: "rowChanged", row: escalated });
    expect(ids(next)).toEqual([b.conversationId, a.conversationId]);
    expect(next.rows[0]?.status).toBe("NEEDS_HUMAN");
  });

  it("inserts a new conversation and re-sorts by its activity", () => {
    const a = row({ lastActivityAt: "2026-01-01T11:00:00.000Z" });
    const state = loaded({}, [a]);
    const fresh = row({ lastActivityAt: "2026-01-01T12:00:00.000Z" });
    expect(ids(conversationListReducer(state, { type: "rowChanged", row: fresh }))).toEqual([
      fresh.conversationId,
      a.conversationId,
    ]);
  });

  it("replaces the whole row (events carry full rows) and ignores stale copies", () => {
    const a = row({ version: 3, stage: "BOOKED" });
    const state = loaded({}, [a]);
    const stale = { ...a, version: 2, stage: "NEW" };
    expect(conversationListReducer(state, { type: "rowChanged", row: stale })).toBe(state);
    const newer = { ...a, version: 4, stage: "REJECTED", rejectionReason: "price" };
    expect(conversationListReducer(state, { type: "rowChanged", row: newer }).rows[0]).toEqual(
      newer,
    );
  });

  it("takes a message's newer activity at the same version", () => {
    const a = row({ version: 2, lastActivityAt: "2026-01-01T10:00:00.000Z" });
    const b = row({ version: 1, lastActivityAt: "2026-01-01T11:00:00.000Z" });
    const state = loaded({}, [a, b]);
    const touched = {
      ...a,
      lastActivityAt: "2026-01-01T12:00:00.000Z",
      lastMessagePreview: "new message",
    };
    const next = conversationListReducer(state, { type: "rowChanged", row: touched });
    expect(ids(next)).toEqual([a.conversationId, b.conversationId]);
    expect(next.rows[0]?.lastMessagePreview).toBe("new message");
  });

  it("keeps filters: a row leaves the list when it stops matching and joins when it starts", () => {
    const waiting = row({ status: "NEEDS_HUMAN" });
    const state = loaded({ status: "NEEDS_HUMAN" }, [waiting]);
    const takenOver = { ...waiting, status: "HUMAN_ACTIVE" as const, version: 2 };
    const left = conversationListReducer(state, { type: "rowChanged", row: takenOver });
    expect(left.rows).toEqual([]);
    expect(left.filters).toEqual({ status: "NEEDS_HUMAN" });

    const other = row({ status: "AI_ACTIVE" });
    expect(conversationListReducer(left, { type: "rowChanged", row: other }).rows).toEqual([]);
    const escalated = { ...other, status: "NEEDS_HUMAN" as const, version: 2 };
    expect(ids(conversationListReducer(left, { type: "rowChanged", row: escalated }))).toEqual([
      other.conversationId,
    ]);
  });

  it("applies agent, channel and stage filters to event rows", () => {
    const state = loaded({ agentId: "a1", channel: "telegram", stage: "BOOKED" }, []);
    const wrongAgent = row({ agentId: "a2", channel: "telegram", stage: "BOOKED" });
    const wrongChannel = row({ agentId: "a1", channel: "web_chat", stage: "BOOKED" });
    const wrongStage = row({ agentId: "a1", channel: "telegram", stage: "NEW" });
    const match = row({ agentId: "a1", channel: "telegram", stage: "BOOKED" });
    let next = state;
    for (const r of [wrongAgent, wrongChannel, wrongStage, match]) {
      next = conversationListReducer(next, { type: "rowChanged", row: r });
    }
    expect(ids(next)).toEqual([match.conversationId]);
  });

  it("keeps an Instagram row the server matched by profile name when the search cannot tell", () => {
    const ig = row({
      channel: "instagram",
      externalUserId: "17841400000",
      lastMessagePreview: "hi",
    });
    const state = loaded({ search: "maria" }, [ig]);
    const updated = { ...ig, version: 2, lastMessagePreview: "still hi" };
    expect(ids(conversationListReducer(state, { type: "rowChanged", row: updated }))).toEqual([
      ig.conversationId,
    ]);
    const stranger = row({ channel: "instagram", externalUserId: "999" });
    expect(conversationListReducer(state, { type: "rowChanged", row: stranger }).rows).toHaveLength(
      1,
    );
    // A new row whose preview holds the word is not guessed in: the list asks the server
    // (`needsServerSearch`), which matches words as the index holds them.
    const webMatch = row({ lastMessagePreview: "Maria here" });
    expect(conversationListReducer(state, { type: "rowChanged", row: webMatch }).rows).toHaveLength(
      1,
    );
    expect(needsServerSearch(state.filters, webMatch, false)).toBe(true);
  });

  it("does not show event rows that belong to pages not loaded yet", () => {
    const first = row({ lastActivityAt: "2026-01-01T12:00:00.000Z" });
    const second = row({ lastActivityAt: "2026-01-01T11:00:00.000Z" });
    const state = loaded({}, [first, second], "cursor-1");
    const older = row({ lastActivityAt: "2026-01-01T08:00:00.000Z" });
    expect(conversationListReducer(state, { type: "rowChanged", row: older })).toBe(state);
    const escalatedOld = { ...older, status: "NEEDS_HUMAN" as const, version: 2 };
    expect(ids(conversationListReducer(state, { type: "rowChanged", row: escalatedOld }))[0]).toBe(
      older.conversationId,
    );
  });

  it("appends 'Load more' pages without duplicates", () => {
    const a = row({ lastActivityAt: "2026-01-01T12:00:00.000Z" });
    const b = row({ lastActivityAt: "2026-01-01T11:00:00.000Z" });
    const c = row({ lastActivityAt: "2026-01-01T10:00:00.000Z" });
    const state = loaded({}, [a, b], "cursor-1");
    const next = conversationListReducer(state, {
      type: "pageLoaded",
      filters: {},
      items: [b, c],
      nextCursor: null,
      append: true,
    });
    expect(ids(next)).toEqual([a, b, c].map((r) => r.conversationId));
    expect(next.nextCursor).toBeNull();
  });

  it("keeps rows that events delivered before the first page arrived", () => {
    const early = row({ lastActivityAt: "2026-01-01T12:30:00.000Z", status: "NEEDS_HUMAN" });
    let state = initialListState({});
    state = conversationListReducer(state, { type: "rowChanged", row: early });
    const page = [row({ lastActivityAt: "2026-01-01T12:00:00.000Z" })];
    state = conversationListReducer(state, {
      type: "pageLoaded",
      filters: {},
      items: [...page, { ...early, status: "AI_ACTIVE", version: 0 }],
      nextCursor: null,
      append: false,
    });
    expect(state.rows[0]).toMatchObject({
      conversationId: early.conversationId,
      status: "NEEDS_HUMAN",
    });
    expect(state.rows).toHaveLength(2);
  });

  it("drops a page that answers filters the admin has since changed", () => {
    const state = conversationListReducer(loaded({}, [row()]), {
      type: "filtersChanged",
      filters: { status: "CLOSED" },
    });
    expect(state.loaded).toBe(false);
    const next = conversationListReducer(state, {
      type: "pageLoaded",
      filters: {},
      items: [row()],
      nextCursor: null,
      append: false,
    });
    expect(next).toBe(state);
  });

  it("a reload for the same filters replaces the rows", () => {
    const gone = row();
    const state = loaded({}, [gone]);
    const kept = row();
    const next = conversationListReducer(state, {
      type: "pageLoaded",
      filters: {},
      items: [kept],
      nextCursor: null,
      append: false,
    });
    expect(ids(next)).toEqual([kept.conversationId]);
  });

  it("keeps the customer profile a page brought when an event updates the row", () => {
    const customer = { name: "Maria Lopez", username: "maria.smiles", pictureUrl: null };
    const a = row({ channel: "instagram", externalUserId: "ig-1", customer });
    let state = loaded({}, [a]);
    const { customer: _bare, ...event } = { ...a, status: "NEEDS_HUMAN" as const, version: 2 };
    state = conversationListReducer(state, { type: "rowChanged", row: event });
    expect(state.rows[0]).toMatchObject({ status: "NEEDS_HUMAN", customer });
    state = conversationListReducer(state, {
      type: "pageLoaded",
      filters: {},
      items: [{ ...event, lastActivityAt: "2027-01-01T00:00:00.000Z" }],
      nextCursor: null,
      append: true,
    });
    expect(state.rows[0]?.customer).toEqual(customer);
  });
});
