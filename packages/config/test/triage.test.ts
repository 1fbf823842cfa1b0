import { describe, expect, it } from "vitest";
import { SAFETY_NET_TYPES, type SAFETY_NET_CATEGORIES } from "../src/agent-config-safety-net";
import { TRIAGE_PRIORITIES, triagePriority, triagePriorityRank } from "../src/triage";

describe("triage priority", () => {
  it("is urgent > medical > moderation/abuse > booking/contact > other", () => {
    expect(TRIAGE_PRIORITIES).toEqual(["urgent", "medical", "moderation", "contact", "other"]);
    expect(triagePriority("urgent")).toBe("urgent");
    expect(triagePriority("medical")).toBe("medical");
    expect(triagePriority("moderation")).toBe("moderation");
    expect(triagePriority("booking")).toBe("contact");
    expect(triagePriority("contact")).toBe("contact");
    for (const other of ["custom", "repeat_patient", "none", "", undefined, null, "__proto__"]) {
      expect(triagePriority(other)).toBe("other");
    }
    expect(triagePriorityRank("urgent")).toBeLessThan(triagePriorityRank("booking"));
  });

  it("follows the safety net's categories through their escalation types", () => {
    const rank = (category: (typeof SAFETY_NET_CATEGORIES)[number]) =>
      triagePriorityRank(SAFETY_NET_TYPES[category]);
    expect(rank("urgent")).toBe(0);
    for (const clinical of [
      "medication",
      "symptoms",
      "pregnancy",
      "test_results",
      "children",
    ] as const) {
      expect(rank(clinical)).toBe(1);
    }
    expect(rank("abuse")).toBe(2);
  });
});
