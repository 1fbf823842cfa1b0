import {
  DEFAULT_PIPELINE_STAGES,
  MAX_REJECTION_REASON,
  pipelineStageSchema,
  type PipelineStage,
} from "@agents-crm/config/pipeline";
import type { Repositories } from "@agents-crm/db";
import { z } from "zod";

/** Settings key of the pipeline document (versioned, optimistic concurrency). */
export { DEFAULT_PIPELINE_STAGES };

export const PIPELINE_STAGES_KEY = "pipeline.stages";

const DEFAULT_FINAL = new Set(DEFAULT_PIPELINE_STAGES.filter((s) => s.final).map((s) => s.id));

/**
 * Pipelines saved before stages had `final` get it where the defaults have it (Booked, Rejected), so an
 * existing install stops re-alerting about booked patients without editing its stages.
 */
function withLegacyFinal(raw: unknown): unknown {
  const stages = (raw as { stages?: unknown } | null)?.stages;
  if (!Array.isArray(stages) || stages.some((s) => s && typeof s === "object" && "final" in s)) {
    return raw;
  }
  return {
    ...(raw as object),
    stages: stages.map((s: unknown) =>
      s && typeof s === "object" && "id" in s && DEFAULT_FINAL.has(String(s.id))
        ? { ...s, final: true }
        : s,
    ),
  };
}

const storedSchema = z.preprocess(
  withLegacyFinal,
  z.object({ stages: z.array(pipelineStageSchema).min(1) }),
);

export interface Pipeline {
  stages: PipelineStage[];
  /** 0 while the defaults have never been saved. */
  version: number;
  updatedAt: string | null;
}

export async function loadPipeline(repos: Pick<Repositories, "settings">): Promise<Pipeline> {
  const stored = await repos.settings.get(PIPELINE_STAGES_KEY, storedSchema);
  if (!stored)
    return { stages: DEFAULT_PIPELINE_STAGES.map((s) => ({ ...s })), version: 0, updatedAt: null };
  const stages = [...stored.value.stages].sort((a, b) => a.position - b.position);
  return { stages, version: stored.version, updatedAt: stored.updatedAt };
}

export type StageChangeCheck =
  | { ok: true; stage: PipelineStage; rejectionReason: string | null }
  | { ok: false; path: "stage" | "rejectionReason"; message: string };

/**
 * Whether a conversation may move to `stageId`: the stage must exist, a stage that requires a reason
 * needs a non-blank one, and any other stage clears it (so the reason never outlives the rejection).
 */
export function checkStageChange(
  stages: readonly PipelineStage[],
  stageId: string,
  rejectionReason?: string | null,
): StageChangeCheck {
  const stage = stages.find((s) => s.id === stageId);
  if (!stage) {
    return {
      ok: false,
      path: "stage",
      message: `unknown stage "${stageId}" (stages: ${stages.map((s) => s.id).join(", ")})`,
    };
  }
  if (!stage.requiresReason) return { ok: true, stage, rejectionReason: null };
  const reason = rejectionReason?.trim() ?? "";
  if (reason === "") {
    return { ok: false, path: "rejectionReason", message: `is required for stage "${stage.name}"` };
  }
  if (reason.length > MAX_REJECTION_REASON) {
    return {
      ok: false,
      path: "rejectionReason",
      message: `must be at most ${MAX_REJECTION_REASON} characters`,
    };
  }
  return { ok: true, stage, rejectionReason: reason };
}
