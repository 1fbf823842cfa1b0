import { describe, expect, it } from "vitest";
import { eventIdFloor } from "@agents-crm/config/event-ids";
import {
  countOf,
  countRowChange,
  eventTiming,
  READ_MARGIN_MS,
  type EventTiming,
  type KnownRows,
  type StatusTotals,
} from "./status-counts";
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
  timing: EventTiming = "new",
): Counters => {
  const change = countRowChange(state.known, state.totals, changed, created, timing);
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
    state = apply(state, { ...a, status: "NEEDS_HUMAN", version: 2 }, false, "unsure");
    expect(state.reread).toBe(true);
    expect(values(state)).toEqual({ needsHuman: 2, ai: 341, human: 1 });
  });

  it("read again when an event arrives before the first read", () => {
    const state = apply({ totals: null, known: new Map(), reread: false }, row(), true, "unsure");
    expect(state.reread).toBe(true);
    expect(countOf(state.totals, "AI_ACTIVE").loaded).toBe(false);
  });

  it("do not count again the events replayed from before the read (console opened, reconnected)", () => {
    // Three conversations created and escalated just before the console opened: the first read
    // already has them in Needs human, then the socket replays their events.
    const read = { startedAt: 1_800_000_000_000, endedAt: 1_800_000_000_400 };
    const before = eventIdFloor(read.startedAt - READ_MARGIN_MS - 1_000);
    const totals = { ...TOTALS, NEEDS_HUMAN: 3, AI_ACTIVE: 0 };
    let state: Counters = { totals, known: new Map(), reread: false };
    for (let i = 0; i < 3; i++) {
      const fresh = row();
      const timing = eventTiming(before, read);
      state = apply(state, fresh, true, timing);
      state = apply(state, { ...fresh, status: "NEEDS_HUMAN", version: 2 }, false, timing);
      // The same events again, as a resumed socket may replay them.
      state = apply(state, fresh, true, timing);
      state = apply(state, { ...fresh, status: "NEEDS_HUMAN", version: 2 }, false, timing);
    }
    expect(state.totals).toEqual(totals);
    expect(state.reread).toBe(false);
    // A later change of one of them is counted from the status the replay left it in.
    const [first] = state.known.values();
    const later = eventTiming(eventIdFloor(read.endedAt + READ_MARGIN_MS + 1), read);
    expect(later).toBe("new");
    state = apply(state, { ...row(), ...first, status: "HUMAN_ACTIVE", version: 3 }, false, later);
    expect(state.totals).toMatchObject({ NEEDS_HUMAN: 2, HUMAN_ACTIVE: 2 });
  });

  it("time events against the read: before it counted, around it unsure, after it new", () => {
    const read = { startedAt: 1_800_000_000_000, endedAt: 1_800_000_003_000 };
    const at = (ms: number) => eventTiming(eventIdFloor(ms), read);
    expect(at(read.startedAt - READ_MARGIN_MS - 1)).toBe("counted");
    expect(at(read.startedAt - 1)).toBe("unsure");
    expect(at(read.endedAt + READ_MARGIN_MS)).toBe("unsure");
    expect(at(read.endedAt + READ_MARGIN_MS + 1)).toBe("new");
    // A read on its way, or none yet: nothing can be counted.
    expect(eventTiming(eventIdFloor(0), { startedAt: read.startedAt })).toBe("unsure");
    expect(eventTiming(eventIdFloor(0), null)).toBe("unsure");
  });
});
