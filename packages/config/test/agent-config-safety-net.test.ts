import { describe, expect, it } from "vitest";
import { parseAgentConfig, SAFETY_NET_CATEGORIES } from "../src/agent-config";

const document = (safetyNet: unknown) => ({
  agent_id: "net_agent",
  profile: { doctor_display_name: "Dr. Net", clinic_display_name: "Net Clinic" },
  escalation: { safety_net: safetyNet },
});

describe("escalation.safety_net", () => {
  it("has every category on, with no extra or ignored words, when the document says nothing", () => {
    const parsed = parseAgentConfig(document(undefined));
    if (!parsed.ok) throw new Error("invalid");
    for (const category of SAFETY_NET_CATEGORIES) {
      expect(parsed.config.escalation.safety_net.categories[category]).toEqual({
        enabled: true,
        extra_keywords: [],
        ignore_keywords: [],
      });
    }
    expect(parsed.warnings).toEqual([]);
  });

  it("is switched off only explicitly, and then with a warning", () => {
    const parsed = parseAgentConfig(
      document({ categories: { urgent: { enabled: false }, abuse: { enabled: true } } }),
    );
    if (!parsed.ok) throw new Error("invalid");
    expect(parsed.warnings.map((warning) => warning.path)).toEqual([
      "escalation.safety_net.categories.urgent.enabled",
    ]);
  });

  it("rejects words that are not words and warns about categories it does not know", () => {
    const tooLong = parseAgentConfig(
      document({ categories: { medication: { extra_keywords: ["x".repeat(101)] } } }),
    );
    expect(tooLong.ok).toBe(false);
    const blank = parseAgentConfig(
      document({ categories: { medication: { ignore_keywords: ["  "] } } }),
    );
    expect(blank.ok).toBe(false);
    const unknown = parseAgentConfig(document({ categories: { dentistry: { enabled: false } } }));
    if (!unknown.ok) throw new Error("invalid");
    expect(unknown.warnings.map((warning) => warning.path)).toEqual([
      "escalation.safety_net.categories.dentistry",
    ]);
  });
});
