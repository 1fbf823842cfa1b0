import { describe, expect, it } from "vitest";
import {
  STAFF_HANDOFF_REASONS,
  staffHandoffReason,
  clipLine,
  handoffSummaryLines,
  parseHandoffSummary,
  type HandoffSummary,
} from "../src/handoff-summary";

const words = { want: "Wants", why: "Why", contacts: "Contacts" };

describe("handoff summary", () => {
  it("reads as two lines: what the customer wants, then why and the contacts", () => {
    const summary: HandoffSummary = {
      want: "A cleaning on Friday",
      why: "Booking intent",
      contacts: ["+971501234567", "a@b.test"],
      by: "model",
    };
    expect(handoffSummaryLines(summary, words)).toEqual([
      "Wants: A cleaning on Friday",
      "Why: Booking intent · Contacts: +971501234567, a@b.test",
    ]);
  });

  it("quotes the customer's own words when the rules wrote it, and drops empty parts", () => {
    expect(
      handoffSummaryLines({ want: "мне плохо", why: "", contacts: [], by: "rules" }, words),
    ).toEqual(["Wants: “мне плохо”"]);
    expect(
      handoffSummaryLines({ want: "", why: "Sent a photo", contacts: [], by: "rules" }, words),
    ).toEqual(["Why: Sent a photo"]);
  });

  it("words a named cause in the reader's language; without the words, the stored English", () => {
    const summary = parseHandoffSummary({
      want: "",
      why: "The customer sent a photo the agent cannot read",
      contacts: [],
      by: "rules",
      cause: { code: "unreadable_message", kind: "photo" },
    });
    if (!summary) throw new Error("not parsed");
    const russian = {
      want: "Хочет",
      why: "Почему",
      contacts: "Контакты",
      cause: ({ kind }: { kind: string }) => (kind === "photo" ? "клиент прислал фото" : kind),
    };
    expect(handoffSummaryLines(summary, russian)).toEqual(["Почему: клиент прислал фото"]);
    expect(handoffSummaryLines(summary, words)).toEqual([
      "Why: The customer sent a photo the agent cannot read",
    ]);
  });

  it("clips long lines on a word boundary and caps the contacts when read back", () => {
    expect(clipLine("one  two\nthree four", 12)).toBe("one two…");
    const parsed = parseHandoffSummary({
      want: "word ".repeat(100),
      why: "x",
      contacts: ["1", "2", "3", "4", "5", "6", ""],
      by: "rules",
    });
    expect(parsed?.want.length).toBeLessThanOrEqual(240);
    expect(parsed?.want.endsWith("…")).toBe(true);
    expect(parsed?.contacts).toEqual(["1", "2", "3", "4", "5"]);
    expect(parseHandoffSummary({ want: 1 })).toBeNull();
  });
});

describe("staffHandoffReason", () => {
  it("knows the reasons the product stores itself, and nothing else", () => {
    expect(staffHandoffReason(STAFF_HANDOFF_REASONS.staffReplied)).toBe("staffReplied");
    expect(staffHandoffReason("Manual handoff")).toBe("manual");
    expect(staffHandoffReason("Customer asked for a doctor")).toBeNull();
    expect(staffHandoffReason(null)).toBeNull();
    expect(staffHandoffReason(undefined)).toBeNull();
  });
});
