import {
  MAX_STAGE_NAME,
  MAX_STAGES,
  STAGE_COLOR_PATTERN,
  STAGE_ID_PATTERN,
} from "@agents-crm/config/pipeline";
import type { PipelineStage } from "~/features/console/types";

// The API's limits, checked here so mistakes show before saving.

/** Colours offered to new stages in turn (the admin can pick any). */
export const STAGE_PALETTE = [
  "#3B82F6",
  "#22C55E",
  "#F59E0B",
  "#EF4444",
  "#8B5CF6",
  "#14B8A6",
  "#EC4899",
  "#64748B",
] as const;

export interface DraftStage {
  /** Stable React key; equals the id for saved stages. */
  key: string;
  /** Null until saved: new stages get an id from their name on save. */
  id: string | null;
  name: string;
  color: string;
  requiresReason: boolean;
  /** The business is done here (Booked, Rejected): moving in offers to resolve, re-alerts stop. */
  final: boolean;
  isDefault: boolean;
}

export interface StageDraft {
  stages: DraftStage[];
  /** Removed saved stage id → the stage its conversations move to. */
  moveTo: Record<string, string>;
  /** The pipeline version the draft was made from (`expectedVersion`). */
  version: number;
  nextKey: number;
}

export type StageProblem = "nameRequired" | "nameTooLong" | "nameDuplicate" | "colorInvalid";

export interface DraftProblems {
  /** Per draft key. */
  stages: Record<string, Partial<Record<"name" | "color", StageProblem>>>;
  tooMany: boolean;
  /** Removed stage id whose destination is missing or no longer valid. */
  moveTo: Record<string, "required">;
}

export function draftFromStages(stages: readonly PipelineStage[], version: number): StageDraft {
  return {
    stages: [...stages]
      .sort((a, b) => a.position - b.position)
      .map((s) => ({
        key: s.id,
        id: s.id,
        name: s.name,
        color: s.color,
        requiresReason: s.requiresReason,
        final: s.final,
        isDefault: s.isDefault,
      })),
    moveTo: {},
    version,
    nextKey: 1,
  };
}

export function addStage(draft: StageDraft, name = ""): StageDraft {
  if (draft.stages.length >= MAX_STAGES) return draft;
  const color = STAGE_PALETTE[draft.stages.length % STAGE_PALETTE.length] ?? "#64748B";
  const stage: DraftStage = {
    key: `new-${draft.nextKey}`,
    id: null,
    name,
    color,
    requiresReason: false,
    final: false,
    isDefault: false,
  };
  return { ...draft, stages: [...draft.stages, stage], nextKey: draft.nextKey + 1 };
}

export function editStage(
  draft: StageDraft,
  key: string,
  patch: Partial<Pick<DraftStage, "name" | "color" | "requiresReason" | "final">>,
): StageDraft {
  return {
    ...draft,
    stages: draft.stages.map((s) => {
      if (s.key !== key) return s;
      // New conversations start in the default stage, so it can never ask for a reason.
      const requiresReason = s.isDefault ? false : (patch.requiresReason ?? s.requiresReason);
      return { ...s, ...patch, requiresReason };
    }),
  };
}

export function moveStageBy(draft: StageDraft, key: string, delta: -1 | 1): StageDraft {
  const from = draft.stages.findIndex((s) => s.key === key);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= draft.stages.length) return draft;
  const stages = [...draft.stages];
  const [moved] = stages.splice(from, 1);
  if (moved) stages.splice(to, 0, moved);
  return { ...draft, stages };
}

/** Stages conversations may be moved to in bulk: saved, kept, and needing no per-card reason. */
export function moveTargets(draft: StageDraft): DraftStage[] {
  return draft.stages.filter((s) => s.id !== null && !s.requiresReason);
}

export function removeStage(draft: StageDraft, key: string): StageDraft {
  const stage = draft.stages.find((s) => s.key === key);
  if (!stage || stage.isDefault) return draft;
  const stages = draft.stages.filter((s) => s.key !== key);
  if (stage.id === null) return { ...draft, stages };
  const next = { ...draft, stages };
  const fallback = moveTargets(next).find((s) => s.isDefault) ?? moveTargets(next)[0];
  return { ...next, moveTo: { ...draft.moveTo, [stage.id]: fallback?.id ?? "" } };
}

export function setMoveTarget(draft: StageDraft, removedId: string, targetId: string): StageDraft {
  return { ...draft, moveTo: { ...draft.moveTo, [removedId]: targetId } };
}

/** Saved stages the draft no longer has. */
export function removedStages(draft: StageDraft, saved: readonly PipelineStage[]): PipelineStage[] {
  const kept = new Set(draft.stages.map((s) => s.id));
  return saved.filter((s) => !kept.has(s.id));
}

const normalize = (name: string) => name.trim().toLowerCase();

export function validateDraft(draft: StageDraft, saved: readonly PipelineStage[]): DraftProblems {
  const problems: DraftProblems = {
    stages: {},
    tooMany: draft.stages.length > MAX_STAGES,
    moveTo: {},
  };
  const seen = new Set<string>();
  for (const stage of draft.stages) {
    const issues: Partial<Record<"name" | "color", StageProblem>> = {};
    const name = normalize(stage.name);
    if (name === "") issues.name = "nameRequired";
    else if (stage.name.trim().length > MAX_STAGE_NAME) issues.name = "nameTooLong";
    else if (seen.has(name)) issues.name = "nameDuplicate";
    seen.add(name);
    if (!STAGE_COLOR_PATTERN.test(stage.color)) issues.color = "colorInvalid";
    if (issues.name || issues.color) problems.stages[stage.key] = issues;
  }
  const targets = new Set(moveTargets(draft).map((s) => s.id));
  for (const removed of removedStages(draft, saved)) {
    const target = draft.moveTo[removed.id];
    if (!target || !targets.has(target)) problems.moveTo[removed.id] = "required";
  }
  return problems;
}

export function hasProblems(problems: DraftProblems): boolean {
  return (
    problems.tooMany ||
    Object.keys(problems.stages).length > 0 ||
    Object.keys(problems.moveTo).length > 0
  );
}

/**
 * An id for a new stage from its name ("Follow up" → FOLLOW_UP), unique among `taken`; names with no
 * Latin letters or digits (e.g. Cyrillic) get STAGE_2, STAGE_3, …
 */
export function stageIdFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 40) || "STAGE";
  const lower = new Set([...taken].map((id) => id.toLowerCase()));
  if (!lower.has(base.toLowerCase()) && base !== "STAGE") return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!lower.has(candidate.toLowerCase()) && STAGE_ID_PATTERN.test(candidate)) return candidate;
  }
}

export interface StagesUpdateInput {
  stages: { id: string; name: string; color: string; requiresReason: boolean; final: boolean }[];
  expectedVersion: number;
  moveTo: Record<string, string>;
}

/** The `stages.update` input: list order is pipeline order; only removed stages keep a destination. */
export function toUpdateInput(
  draft: StageDraft,
  saved: readonly PipelineStage[],
): StagesUpdateInput {
  const taken = new Set<string>([
    ...saved.map((s) => s.id),
    ...draft.stages.flatMap((s) => (s.id ? [s.id] : [])),
  ]);
  const stages = draft.stages.map((s) => {
    let id = s.id;
    if (id === null) {
      id = stageIdFor(s.name, taken);
      taken.add(id);
    }
    return {
      id,
      name: s.name.trim(),
      color: s.color,
      requiresReason: s.requiresReason,
      final: s.final,
    };
  });
  const moveTo: Record<string, string> = {};
  for (const removed of removedStages(draft, saved)) {
    const target = draft.moveTo[removed.id];
    if (target) moveTo[removed.id] = target;
  }
  return { stages, expectedVersion: draft.version, moveTo };
}

/** Which draft stage an API issue path (`stages.<index>.<field>`) points at. */
export function issueStageKey(draft: StageDraft, path: string): string | null {
  const match = /^stages\.(\d+)(?:\.|$)/.exec(path);
  if (!match) return null;
  return draft.stages[Number(match[1])]?.key ?? null;
}
