import { MAX_STAGES } from "@agents-crm/config/pipeline";
import { describe, expect, it } from "vitest";
import {
  addStage,
  draftFromStages,
  editStage,
  hasProblems,
  issueStageKey,
  moveStageBy,
  removeStage,
  setMoveTarget,
  stageIdFor,
  toUpdateInput,
  validateDraft,
} from "./stage-draft";
import type { PipelineStage } from "~/features/console/types";
import { DEFAULT_PIPELINE_STAGES } from "@agents-crm/config/pipeline";

/** The API's default stages as saved, listed out of pipeline order (REJECTED before NO_RESPONSE). */
const SAVED: PipelineStage[] = ["NEW", "BOOKED", "REJECTED", "NO_RESPONSE"].map((id) => {
  const stage = DEFAULT_PIPELINE_STAGES.find((s) => s.id === id);
  if (!stage) throw new Error(`no default stage ${id}`);
  return { ...stage };
});
const fresh = () => draftFromStages(SAVED, 7);
const names = (draft: ReturnType<typeof fresh>) => draft.stages.map((s) => s.name);

describe("editing the pipeline's stages", () => {
  it("starts from the saved stages in pipeline order and saves with their version", () => {
    const draft = fresh();
    expect(names(draft)).toEqual(["New", "Booked", "No response", "Rejected"]);
    expect(toUpdateInput(draft, SAVED)).toEqual({
      stages: [
        { id: "NEW", name: "New", color: "#3B82F6", requiresReason: false, final: false },
        { id: "BOOKED", name: "Booked", color: "#22C55E", requiresReason: false, final: true },
        {
          id: "NO_RESPONSE",
          name: "No response",
          color: "#F59E0B",
          requiresReason: false,
          final: false,
        },
        { id: "REJECTED", name: "Rejected", color: "#EF4444", requiresReason: true, final: true },
      ],
      expectedVersion: 7,
      moveTo: {},
    });
  });

  it("renames in place: the id stays, so conversations keep their stage", () => {
    const draft = editStage(fresh(), "BOOKED", { name: "  Appointment booked " });
    expect(toUpdateInput(draft, SAVED).stages[1]).toEqual({
      id: "BOOKED",
      name: "Appointment booked",
      color: "#22C55E",
      requiresReason: false,
      final: true,
    });
  });

  it("marks a stage final or not", () => {
    const draft = editStage(fresh(), "NO_RESPONSE", { final: true });
    expect(
      toUpdateInput(draft, SAVED)
        .stages.filter((s) => s.final)
        .map((s) => s.id),
    ).toEqual(["BOOKED", "NO_RESPONSE", "REJECTED"]);
  });

  it("reorders with up and down, stopping at the ends", () => {
    let draft = moveStageBy(fresh(), "REJECTED", -1);
    expect(names(draft)).toEqual(["New", "Booked", "Rejected", "No response"]);
    draft = moveStageBy(draft, "NEW", -1);
    expect(draft.stages[0]?.id).toBe("NEW");
    draft = moveStageBy(draft, "NO_RESPONSE", 1);
    expect(names(draft).at(-1)).toBe("No response");
  });

  it("adds stages with an id made from the name, unique even against removed ones", () => {
    let draft = addStage(fresh(), "Follow-up call");
    draft = addStage(draft, "Ждёт оплаты");
    draft = addStage(draft, "booked");
    const input = toUpdateInput(draft, SAVED);
    expect(input.stages.slice(4).map((s) => s.id)).toEqual([
      "FOLLOW_UP_CALL",
      "STAGE_2",
      "BOOKED_2",
    ]);
    expect(stageIdFor("Café crème", new Set())).toBe("CAFE_CREME");
  });

  it("never lets the default stage be removed or ask for a reason", () => {
    let draft = removeStage(fresh(), "NEW");
    expect(draft.stages[0]?.id).toBe("NEW");
    draft = editStage(draft, "NEW", { requiresReason: true });
    expect(draft.stages[0]?.requiresReason).toBe(false);
  });

  it("sends the conversations of a removed stage to the default stage unless told otherwise", () => {
    let draft = removeStage(fresh(), "NO_RESPONSE");
    expect(toUpdateInput(draft, SAVED).moveTo).toEqual({ NO_RESPONSE: "NEW" });
    draft = setMoveTarget(draft, "NO_RESPONSE", "BOOKED");
    expect(toUpdateInput(draft, SAVED).moveTo).toEqual({ NO_RESPONSE: "BOOKED" });
    // A destination removed afterwards is reported, not sent.
    draft = removeStage(draft, "BOOKED");
    expect(validateDraft(draft, SAVED).moveTo).toEqual({ NO_RESPONSE: "required" });
    draft = setMoveTarget(draft, "NO_RESPONSE", "REJECTED");
    expect(validateDraft(draft, SAVED).moveTo).toEqual({ NO_RESPONSE: "required" });
    // A stage added and removed before saving needs no destination.
    draft = addStage(draft, "Temp");
    const key = draft.stages.at(-1)?.key ?? "";
    draft = removeStage(setMoveTarget(draft, "NO_RESPONSE", "NEW"), key);
    expect(hasProblems(validateDraft(draft, SAVED))).toBe(false);
  });

  it("names blank, too long and duplicate names and bad colours per stage", () => {
    let draft = addStage(fresh(), "");
    const blank = draft.stages.at(-1)?.key ?? "";
    draft = addStage(draft, " BOOKED ");
    const duplicate = draft.stages.at(-1)?.key ?? "";
    draft = editStage(draft, "REJECTED", { name: "x".repeat(51), color: "red" });
    const problems = validateDraft(draft, SAVED);
    expect(problems.stages).toEqual({
      [blank]: { name: "nameRequired" },
      [duplicate]: { name: "nameDuplicate" },
      REJECTED: { name: "nameTooLong", color: "colorInvalid" },
    });
    expect(hasProblems(problems)).toBe(true);
    expect(hasProblems(validateDraft(fresh(), SAVED))).toBe(false);
  });

  it("stops adding at the API's limit", () => {
    let draft = fresh();
    for (let i = 0; i < 40; i++) draft = addStage(draft, `Stage ${i}`);
    expect(draft.stages).toHaveLength(MAX_STAGES);
  });

  it("points an API issue at the stage it names", () => {
    const draft = fresh();
    expect(issueStageKey(draft, "stages.2.name")).toBe("NO_RESPONSE");
    expect(issueStageKey(draft, "stages.9.name")).toBeNull();
    expect(issueStageKey(draft, "moveTo.BOOKED")).toBeNull();
  });
});
