import { describe, expect, it } from "vitest";
import { showsEscalation } from "./shows-escalation";

describe("the escalation badge on inbox rows and board cards", () => {
  it("shows while a conversation waits for a human, and its reason after a take-over", () => {
    expect(showsEscalation({ status: "NEEDS_HUMAN" })).toBe(true);
    expect(showsEscalation({ status: "HUMAN_ACTIVE", escalationType: "urgent" })).toBe(true);
    expect(showsEscalation({ status: "AI_ACTIVE" })).toBe(false);
  });
});
