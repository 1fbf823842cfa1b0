import { describe, expect, it } from "vitest";
import { countOf, countRowChange, type KnownRows, type StatusTotals } from "./status-counts";
import type { ConversationRow } from "~/features/console/types";
import { row } from "~/testing/conversation-fixtures";

const TOTALS = {
  NEEDS_HUMAN: 2,
  AI_ACTIVE: 340,
  HUMAN_ACTIVE: 1,
  RESOLVED: 0,
  CLOSED: 12,
  SNOOZED: 0,
};

interface Counters {
  totals: StatusTotals | null;
  known: KnownRows;
  reread: boolean;
}

/** Events as the provider applies them: counted totals replace the cached ones. */
const apply = (
  state: Counters,
  changed: ConversationRow,
  created: boolean,
  reading = false,
): Counters => {
  const change = countRowChange(state.known, state.totals, changed, created, reading);
  return {
    totals: change.totals ?? state.totals,
    known: change.known,
    reread: state.reread || change.reread,
  };
};
const loaded = (): Counters => ({ totals: TOTALS, known: new Map(), reread: false });
const values = (state: Counters) => ({
  needsHuman: countOf(state.totals, "NEEDS_HUMAN").value,
  ai: countOf(state.totals, "AI_ACTIVE").value,
  human: countOf(state.totals, "HUMAN_ACTIVE").value,
});

describe("status counters", () => {
  it("show nothing until the first read, then the server's exact totals", () => {
    expect(countOf(null, "NEEDS_HUMAN").loaded).toBe(false);
    expect(countOf(TOTALS, "AI_ACTIVE")).toEqual({ value: 340, loaded: true });
  });

  it("add a conversation an event created, once however often it is mentioned", () => {
    const fresh = row({ status: "NEEDS_HUMAN" });
    let state = apply(loaded(), fresh, true);
    state = apply(state, fresh, false);
    state = apply(state, fresh, true);
    expect(values(state)).toEqual({ needsHuman: 3, ai: 340, human: 1 });
    expect(state.reread).toBe(false);
  });

  it("move a known conversation between statuses and out of them when closed", () => {
    const a = row();
    let state = apply(loaded(), a, true);
    state = apply(state, { ...a, status: "NEEDS_HUMAN", version: 2 }, false);
    expect(values(state)).toEqual({ needsHuman: 3, ai: 340, human: 1 });
    state = apply(state, { ...a, status: "CLOSED", version: 3 }, false);
    expect(values(state)).toEqual({ needsHuman: 2, ai: 340, human: 1 });
    expect(state.totals?.CLOSED).toBe(13);
  });

  it("ignore an older copy of a row than the one already applied", () => {
    const a = row({ status: "HUMAN_ACTIVE", version: 5 });
    let state = apply(loaded(), a, true);
    state = apply(state, { ...a, status: "NEEDS_HUMAN", version: 4 }, false);
    expect(values(state)).toEqual({ needsHuman: 2, ai: 340, human: 2 });
  });

  it("read again when a conversation changes whose previous status is unknown", () => {
    const state = apply(loaded(), row({ status: "NEEDS_HUMAN", version: 3 }), false);
    expect(values(state)).toEqual({ needsHuman: 2, ai: 340, human: 1 });
    expect(state.reread).toBe(true);
  });

  it("read again when a change arrives while a read is on its way", () => {
    const a = row();
    let state = apply(loaded(), a, true);
    expect(state.reread).toBe(false);
    state = apply(state, { ...a, status: "NEEDS_HUMAN", version: 2 }, false, true);
    expect(state.reread).toBe(true);
  });

  it("read again when an event arrives before the first read", () => {
    const state = apply({ totals: null, known: new Map(), reread: false }, row(), true);
    expect(state.reread).toBe(true);
    expect(countOf(state.totals, "AI_ACTIVE").loaded).toBe(false);
  });
});
