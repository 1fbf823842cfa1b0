import { demoAgentDocument } from "@agents-crm/config/agent-config";
import { describe, expect, it } from "vitest";
import { setAt } from "./document-paths";
import { issuesAt, issuesFromApiError, validateDocument } from "./issues";
import { newAgentDocument } from "./new-agent";
import { issuesByStep, nextStep, stepOfPath, visibleIssues } from "./wizard-steps";

describe("validating a draft in the browser", () => {
  it("accepts the demo agent and names every missing field of a blank new agent", () => {
    expect(validateDocument(demoAgentDocument)).toEqual([]);
    const paths = validateDocument(newAgentDocument()).map((issue) => issue.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining([
        "agent_id",
        "profile.doctor_display_name",
        "profile.clinic_display_name",
      ]),
    );
  });

  it("accepts a filled-in new agent", () => {
    let doc = newAgentDocument();
    doc = setAt(doc, ["agent_id"], "sun_clinic");
    doc = setAt(doc, ["profile", "doctor_display_name"], "Dr. Sun");
    doc = setAt(doc, ["profile", "clinic_display_name"], "Sun Clinic");
    expect(validateDocument(doc)).toEqual([]);
  });

  it("puts each issue on the step that edits its field", () => {
    let doc: Record<string, unknown> = { ...demoAgentDocument };
    doc = setAt(doc, ["prompts", "examples", 1, "user_message"], "x".repeat(501));
    doc = setAt(doc, ["llm", "temperature"], 3);
    doc = setAt(doc, ["rag", "retrieval", "top_k"], 0);
    doc = setAt(doc, ["working_hours", "schedule", "mon"], ["9-18"]);
    doc = setAt(doc, ["prompts", "templates", "urgent_emergency_message"], 5);
    const byStep = issuesByStep(validateDocument(doc));
    expect([...byStep.keys()].sort()).toEqual([
      "escalation",
      "examples",
      "knowledge",
      "model",
      "profile",
    ]);
    expect(byStep.get("examples")?.[0]?.path).toEqual(["prompts", "examples", 1, "user_message"]);
  });

  it("maps paths to steps by the most specific prefix, and anything else to review", () => {
    expect(stepOfPath(["prompts", "system", "persona"])).toBe("style");
    expect(stepOfPath(["prompts", "templates", "x"])).toBe("escalation");
    expect(stepOfPath(["prompts", "examples", 0])).toBe("examples");
    expect(stepOfPath(["privacy", "consent_model"])).toBe("review");
    expect(stepOfPath([])).toBe("review");
    expect(nextStep("profile", 1)).toBe("style");
    expect(nextStep("profile", -1)).toBeNull();
    expect(nextStep("review", 1)).toBeNull();
  });
});

describe("which issues the form shows", () => {
  it("shows the schema's issues only for steps already visited, and the API's always", () => {
    const client = validateDocument(newAgentDocument());
    const server = [{ path: ["llm", "model"], message: "unknown model" }];
    expect(visibleIssues(client, server, new Set())).toEqual(server);
    const shown = visibleIssues(client, [], new Set(["profile"]));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((issue) => stepOfPath(issue.path) === "profile")).toBe(true);
    expect(visibleIssues(client, [], new Set(["style", "model"]))).toEqual([]);
  });
});

describe("issues reported by the API", () => {
  it("become document paths without the input field's name", () => {
    const error = {
      message: "Invalid agent config",
      data: {
        code: "BAD_REQUEST",
        issues: [
          { path: "config.prompts.examples.2.user_message", message: "too long" },
          { path: "text.agent_id", message: "is required" },
          { path: "expectedVersion", message: "bad" },
        ],
      },
    };
    expect(issuesFromApiError(error)).toEqual([
      { path: ["prompts", "examples", 2, "user_message"], message: "too long" },
      { path: ["agent_id"], message: "is required" },
      { path: ["expectedVersion"], message: "bad" },
    ]);
  });

  it("are absent from errors that are not about fields", () => {
    expect(
      issuesFromApiError({ message: "conflict", data: { code: "CONFLICT", issues: null } }),
    ).toBeNull();
    expect(issuesFromApiError(new Error("network"))).toBeNull();
  });

  it("are found for a field, or for anything inside it", () => {
    const issues = [
      { path: ["rag", "sources", 0, "id"], message: "duplicate" },
      { path: ["rag"], message: "whole" },
    ];
    expect(issuesAt(issues, ["rag"])).toEqual([{ path: ["rag"], message: "whole" }]);
    expect(issuesAt(issues, ["rag", "sources"], true)).toHaveLength(1);
  });
});
