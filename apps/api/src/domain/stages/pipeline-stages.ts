import { DEFAULT_STAGE, type Repositories } from "@agents-crm/db";
import { z } from "zod";

/** Settings key of the pipeline document (versioned, optimistic concurrency). */
export const PIPELINE_STAGES_KEY = "pipeline.stages";
export const STAGE_ID_PATTERN = /^[A-Za-z0-9_-]{1,50}$/;
export const MAX_STAGES = 30;
export const MAX_REJECTION_REASON = 1000;

export const pipelineStageSchema = z.object({
  id: z.string().regex(STAGE_ID_PATTERN),
  name: z.string().trim().min(1).max(50),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a hex colour like #3B82F6"),
  position: z.number().int().min(0),
  /** Moving a conversation here needs a reason (the reference's REJECTED). */
  requiresReason: z.boolean(),
  /** New conversations start here; always NEW (the data layer creates conversations in it). */
  isDefault: z.boolean(),
});
export type PipelineStage = z.infer<typeof pipelineStageSchema>;

const storedSchema = z.object({ stages: z.array(pipelineStageSchema).min(1) });

/** The reference's four marketing statuses. */
export const DEFAULT_PIPELINE_STAGES: readonly PipelineStage[] = [
  {
    id: DEFAULT_STAGE,
    name: "New",
    color: "#3B82F6",
    position: 0,
    requiresReason: false,
    isDefault: true,
  },
  {
    id: "BOOKED",
    name: "Booked",
    color: "#22C55E",
    position: 1,
    requiresReason: false,
    isDefault: false,
  },
  {
    id: "NO_RESPONSE",
    name: "No response",
    color: "#F59E0B",
    position: 2,
    requiresReason: false,
    isDefault: false,
  },
  {
    id: "REJECTED",
    name: "Rejected",
    color: "#EF4444",
    position: 3,
    requiresReason: true,
    isDefault: false,
  },
];

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
