import { demoAgentDocument, mergeDocuments } from "@agents-crm/config/agent-config";
import { describe, expect, it } from "vitest";
import { deepEqual } from "./deep-equal";
import { getAt, pathKey, setAt } from "./document-paths";
import { draftReducer, initialDraft, isDirty } from "./draft-state";
import { createMergePatch } from "./merge-patch";

const clone = <T>(value: T): T => structuredClone(value);

describe("document paths", () => {
  it("reads and writes nested values without touching the original", () => {
    const doc = { prompts: { examples: [{ user_message: "a" }] } };
    const next = setAt(doc, ["prompts", "examples", 0, "user_message"], "b");
    expect(getAt(next, ["prompts", "examples", 0, "user_message"])).toBe("b");
    expect(doc.prompts.examples[0]?.user_message).toBe("a");
    expect(setAt({}, ["rag", "retrieval", "top_k"], 3)).toEqual({
      rag: { retrieval: { top_k: 3 } },
    });
    expect(setAt({}, ["rag", "sources", 0, "id"], "x")).toEqual({
      rag: { sources: [{ id: "x" }] },
    });
  });

  it("removes a key when set to undefined, so the schema default applies", () => {
    expect(
      setAt({ llm: { temperature: 1, model: "m" } }, ["llm", "temperature"], undefined),
    ).toEqual({
      llm: { model: "m" },
    });
  });

  it("spells paths like the schema's issues", () => {
    expect(pathKey(["prompts", "examples", 2, "user_message"])).toBe(
      "prompts.examples[2].user_message",
    );
    expect(pathKey([])).toBe("(root)");
  });
});

describe("the update patch", () => {
  const stored = clone(demoAgentDocument) as unknown as Record<string, unknown>;

  it("turns the stored document into the draft when merged like the API merges it", () => {
    let draft = setAt(stored, ["llm", "temperature"], 0.9);
    draft = setAt(draft, ["working_hours"], undefined);
    draft = setAt(draft, ["prompts", "examples"], []);
    draft = setAt(draft, ["profile", "languages"], ["ru"]);
    draft = setAt(draft, ["custom_field"], { kept: true });
    const patch = createMergePatch(stored, draft);
    expect(deepEqual(mergeDocuments(stored, patch), draft)).toBe(true);
    expect(patch).toEqual({
      llm: { temperature: 0.9 },
      working_hours: null,
      prompts: { examples: [] },
      profile: { languages: ["ru"] },
      custom_field: { kept: true },
    });
  });

  it("is empty when nothing changed", () => {
    expect(createMergePatch(stored, clone(stored))).toEqual({});
  });

  it("replaces an object that was a scalar, and drops nested keys that became null", () => {
    const patch = createMergePatch(
      { a: "x", b: { c: 1, d: 2 } },
      { a: { y: 1 }, b: { c: 1, d: null } },
    );
    expect(patch).toEqual({ a: { y: 1 }, b: { d: null } });
    expect(mergeDocuments({ a: "x", b: { c: 1, d: 2 } }, patch)).toEqual({
      a: { y: 1 },
      b: { c: 1 },
    });
  });
});

describe("the draft", () => {
  it("is dirty after an edit and clean again after it is undone", () => {
    const start = initialDraft({ llm: { model: "a" } }, 3);
    const edited = draftReducer(start, { type: "set", path: ["llm", "model"], value: "b" });
    expect(isDirty(edited)).toBe(true);
    expect(isDirty(draftReducer(edited, { type: "set", path: ["llm", "model"], value: "a" }))).toBe(
      false,
    );
  });

  it("forgets a server issue once its field is edited, and keeps the others", () => {
    let state = initialDraft({}, null);
    state = draftReducer(state, {
      type: "serverIssues",
      issues: [
        { path: ["profile", "doctor_display_name"], message: "empty" },
        { path: ["llm", "temperature"], message: "too big" },
      ],
    });
    state = draftReducer(state, {
      type: "set",
      path: ["profile", "doctor_display_name"],
      value: "Dr",
    });
    expect(state.serverIssues).toEqual([{ path: ["llm", "temperature"], message: "too big" }]);
    state = draftReducer(state, { type: "set", path: ["llm"], value: {} });
    expect(state.serverIssues).toEqual([]);
  });

  it("starts over from what was saved", () => {
    const state = draftReducer(initialDraft({ a: 1 }, 1), { type: "set", path: ["a"], value: 2 });
    const loaded = draftReducer(state, { type: "loaded", document: { a: 2 }, version: 2 });
    expect(loaded).toEqual({ saved: { a: 2 }, draft: { a: 2 }, version: 2, serverIssues: [] });
  });
});
