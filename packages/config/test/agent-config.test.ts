import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  burstWindowMs,
  configWarnings,
  DEMO_AGENT_ID,
  demoAgentDocument,
  embeddingSettings,
  escalationTemplateId,
  knowledgeSources,
  onUnreadableMessage,
  parseAgentConfig,
  parseAgentConfigText,
  stopAiAfterHandoff,
  type AgentConfig,
} from "../src/agent-config";

const referenceYaml = readFileSync(
  new URL("./fixtures/reference-shaped-agent.yaml", import.meta.url),
  "utf8",
);

const minimal = {
  agent_id: "clinic_1",
  profile: { doctor_display_name: "Dr. A", clinic_display_name: "Clinic A", specialty: "ENT" },
};

function parsed(input: unknown): AgentConfig {
  const result = parseAgentConfig(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.config;
}

describe("agent config: the reference's document shape", () => {
  const result = parseAgentConfigText(referenceYaml);

  it("imports unchanged and names every inert field in a warning", () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const paths = result.warnings.map((w) => w.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "privacy.consent_model",
        "privacy.message_retention",
        "security.audit_log",
        "channels.primary",
        "monitoring.kpi_targets_mvp",
        "handoff.always_possible",
        "handoff.default_handoff_target",
        "rag.vector_store",
        "llm.api",
        "escalation.triggers.phone_number_detect",
        "escalation.actions.on_phone_received[0]",
        "escalation.actions.on_booking_intent",
      ]),
    );
    for (const warning of result.warnings)
      expect(warning.message.startsWith(warning.path)).toBe(true);
  });

  it("does not warn about fields the product acts on", () => {
    if (!result.ok) throw new Error("expected the document to import");
    const paths = result.warnings.map((w) => w.path);
    const used = [
      "moderation",
      "working_hours",
      "prompts",
      "style",
      "profile",
      "restrictions",
      "llm.model",
      "llm.temperature",
      "handoff.stop_ai_after_handoff",
    ];
    for (const field of used) {
      expect(paths.filter((path) => path === field || path.startsWith(`${field}.`))).toEqual([]);
    }
    expect(paths.filter((path) => path.startsWith("escalation.triggers."))).toEqual([
      "escalation.triggers.phone_number_detect",
    ]);
  });

  it("keeps every section and value as written, with numbers as numbers", () => {
    if (!result.ok) throw new Error("expected the document to import");
    const config = result.config;
    expect(config.rag.retrieval).toEqual({ top_k: 6, score_threshold: 0.2 });
    expect(config.llm.temperature).toBe(0.2);
    expect(config.monitoring).toMatchObject({
      kpi_targets_mvp: { booking_conversion_min: 0.1, share_without_human: 0.95 },
    });
    expect(config.privacy).toMatchObject({
      message_retention: { ttl_hours: 48, delete_mode: "hard_delete" },
    });
    expect(config.escalation.triggers.phone_number_detect).toMatchObject({ enabled: true });
    expect(config.working_hours.schedule.sat).toEqual([]);
    expect(config.moderation.mode).toBe("pre_and_post");
  });

  it("round-trips: parsing its own output gives the same document", () => {
    if (!result.ok) throw new Error("expected the document to import");
    const again = parseAgentConfig(JSON.parse(JSON.stringify(result.config)));
    expect(again.ok && again.config).toEqual(result.config);
  });
});

describe("agent config: defaults and additions", () => {
  it("fills the reference's defaults for an almost empty document", () => {
    const config = parsed(minimal);
    expect(config.version).toBe("1.0");
    expect(config.llm).toMatchObject({
      provider: "openai",
      model: "gpt-4o-mini",
      temperature: 0.2,
      max_output_tokens: 600,
      timeout: 30,
    });
    expect(config.rag.retrieval).toEqual({ top_k: 6, score_threshold: 0.2 });
    expect(config.style.empathy_level).toBe(7);
    expect(config.profile.languages).toEqual(["ru", "en"]);
    expect(config.moderation).toMatchObject({ enabled: true, mode: "pre_and_post" });
    expect(config.escalation.phone_detection.enabled).toBe(true);
    expect(config.working_hours.timezone).toBe("Asia/Dubai");
    expect(parseAgentConfig(minimal)).toMatchObject({ ok: true, warnings: [] });
  });

  it("exposes the product's own fields through typed accessors", () => {
    const config = parsed({
      ...minimal,
      burst_window_ms: 800,
      handoff: { stop_ai_after_handoff: false },
      escalation: { on_unreadable_message: "ignore" },
    });
    expect(burstWindowMs(config)).toBe(800);
    expect(stopAiAfterHandoff(config)).toBe(false);
    expect(onUnreadableMessage(config)).toBe("ignore");
    expect(stopAiAfterHandoff(parsed(minimal))).toBe(true);
    expect(onUnreadableMessage(parsed(minimal))).toBe("handoff");
  });

  it("accepts the later agent_display_name / company_display_name spelling", () => {
    const config = parsed({
      agent_id: "a",
      profile: { agent_display_name: "Anna", company_display_name: "Acme" },
    });
    expect(config.profile.doctor_display_name).toBe("Anna");
    expect(config.profile.clinic_display_name).toBe("Acme");
  });

  it("keeps unknown keys and reports them as unused", () => {
    const result = parseAgentConfig({
      ...minimal,
      custom_flag: true,
      llm: { model: "gpt-4o", seed: 7 },
    });
    expect(result.ok && result.config).toMatchObject({ custom_flag: true, llm: { seed: 7 } });
    expect(result.ok && result.warnings.map((w) => w.path).sort()).toEqual([
      "custom_flag",
      "llm.seed",
    ]);
  });

  it("warns about embeddings that differ from the deployment's embedder, not when they match", () => {
    const config = parsed({
      ...minimal,
      embeddings: { model: "text-embedding-3-large", dimensions: 3072 },
    });
    expect(embeddingSettings(config)).toEqual({
      model: "text-embedding-3-large",
      dimensions: 3072,
      batchSize: undefined,
    });
    expect(configWarnings(config).map((w) => w.path)).toEqual([
      "embeddings.model",
      "embeddings.dimensions",
    ]);
    const matching = configWarnings(config, {
      embeddingModel: "text-embedding-3-large",
      embeddingDimensions: 3072,
    });
    expect(matching).toEqual([]);
  });

  it("warns about an unsupported llm provider instead of rejecting it", () => {
    const result = parseAgentConfig({ ...minimal, llm: { provider: "aws_bedrock" } });
    expect(result.ok && result.warnings.map((w) => w.path)).toEqual(["llm.provider"]);
  });

  it("picks the template an action sends for an escalation type", () => {
    const config = parsed({
      ...minimal,
      escalation: {
        actions: {
          on_urgent: [{ type: "send_message", template_id: "call_911" }, { type: "handoff" }],
        },
      },
      prompts: { templates: { call_911: "Call 911 now." } },
    });
    expect(escalationTemplateId(config, "urgent")).toBe("call_911");
    expect(escalationTemplateId(config, "booking")).toBe("ask_phone_for_booking");
    expect(configWarnings(config)).toEqual([]);
  });
});

describe("agent config: field-level errors", () => {
  function issues(input: unknown): Record<string, string> {
    const result = parseAgentConfig(input);
    if (result.ok) throw new Error("expected the document to be refused");
    return Object.fromEntries(result.issues.map((issue) => [issue.path, issue.message]));
  }

  it("names the path of each invalid field", () => {
    const found = issues({
      agent_id: "has spaces",
      profile: { doctor_display_name: "  ", clinic_display_name: "C" },
      llm: { temperature: 2.5, max_output_tokens: 5000 },
      rag: { retrieval: { top_k: 0, score_threshold: 1.5 } },
      working_hours: { timezone: "Mars/Olympus", schedule: { mon: ["9-18"], funday: [] } },
      moderation: { mode: "sometimes" },
    });
    expect(Object.keys(found).sort()).toEqual(
      [
        "agent_id",
        "profile.doctor_display_name",
        "llm.temperature",
        "llm.max_output_tokens",
        "rag.retrieval.top_k",
        "rag.retrieval.score_threshold",
        "working_hours.timezone",
        "working_hours.schedule.mon[0]",
        "working_hours.schedule.funday",
        "moderation.mode",
      ].sort(),
    );
  });

  it("requires the profile and limits examples to seven, with the reference's lengths", () => {
    expect(issues({ agent_id: "a" })).toHaveProperty("profile");
    const example = { id: "e", user_message: "Hi", agent_response: "Hello" };
    expect(
      issues({ ...minimal, prompts: { examples: Array.from({ length: 8 }, () => example) } }),
    ).toHaveProperty("prompts.examples");
    expect(
      issues({
        ...minimal,
        prompts: { examples: [{ ...example, user_message: "x".repeat(501) }] },
      }),
    ).toHaveProperty("prompts.examples[0].user_message");
    expect(
      issues({ ...minimal, prompts: { examples: [{ ...example, agent_response: "" }] } }),
    ).toHaveProperty("prompts.examples[0].agent_response");
  });

  it("accepts numbers written as text (quoted YAML) and agent ids up to 100 characters", () => {
    const config = parsed({
      ...minimal,
      agent_id: "a".repeat(100),
      rag: { retrieval: { top_k: "4", score_threshold: "0.35" } },
    });
    expect(config.rag.retrieval).toEqual({ top_k: 4, score_threshold: 0.35 });
    expect(issues({ ...minimal, agent_id: "a".repeat(101) })).toHaveProperty("agent_id");
  });

  it("reports YAML syntax errors and non-mapping documents", () => {
    const broken = parseAgentConfigText("agent_id: [unclosed\nprofile: {");
    expect(broken.ok).toBe(false);
    expect(parseAgentConfigText("- just\n- a list")).toMatchObject({
      ok: false,
      issues: [{ path: "(root)" }],
    });
    expect(parseAgentConfigText(JSON.stringify(minimal)).ok).toBe(true);
  });
});

describe("agent config: deep merge for updates", () => {
  it("merges objects, replaces arrays and validates the result", async () => {
    const { deepMergeAgentConfig } = await import("../src/agent-config");
    const base = parsed({
      ...minimal,
      prompts: { examples: [{ id: "a", user_message: "Hi", agent_response: "Hello" }] },
    });
    const merged = deepMergeAgentConfig(base, {
      llm: { temperature: 0.7 },
      profile: { languages: ["en"] },
      prompts: { examples: [] },
    });
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.config.llm).toMatchObject({
      temperature: 0.7,
      model: "gpt-4o-mini",
      max_output_tokens: 600,
    });
    expect(merged.config.profile).toMatchObject({
      doctor_display_name: "Dr. A",
      languages: ["en"],
    });
    expect(merged.config.prompts.examples).toEqual([]);
  });

  it("removes a field with null so it falls back to its default, and refuses invalid results", async () => {
    const { deepMergeAgentConfig } = await import("../src/agent-config");
    const base = parsed({ ...minimal, llm: { model: "gpt-4o" } });
    const reset = deepMergeAgentConfig(base, { llm: { model: null } });
    expect(reset.ok && reset.config.llm.model).toBe("gpt-4o-mini");
    const invalid = deepMergeAgentConfig(base, { rag: { retrieval: { top_k: 500 } } });
    expect(invalid).toMatchObject({ ok: false, issues: [{ path: "rag.retrieval.top_k" }] });
  });
});

describe("the demo clinic agent", () => {
  it("is a valid document with no inert fields and knowledge to index", () => {
    const result = parseAgentConfig(demoAgentDocument);
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (!result.ok) return;
    expect(result.config.agent_id).toBe(DEMO_AGENT_ID);
    expect(result.config.profile.languages).toEqual(["en", "ru"]);
    const sources = knowledgeSources(result.config);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    expect(sources.length).toBeLessThanOrEqual(6);
  });
});
