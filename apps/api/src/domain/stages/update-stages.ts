import {
  DEFAULT_STAGE,
  MAX_STAGES,
  pipelineStageSchema,
  type PipelineStage,
} from "@agents-crm/config/pipeline";
import { z } from "zod";
import { invalidInput } from "../errors";
import { recordAudit } from "../audit";
import { publishAdmin } from "../conversations/events";
import type { StaffContext } from "../agents/agent-context";
import { loadPipeline, PIPELINE_STAGES_KEY, type Pipeline } from "./pipeline-stages";

export const stageInputSchema = pipelineStageSchema
  .omit({ isDefault: true, position: true })
  .extend({ requiresReason: z.boolean().default(false) });

const normalize = (name: string) => name.trim().toLowerCase();

/**
 * Field-level rules: unique ids and names (case-insensitive), the default stage kept. The list order is
 * the pipeline order; ids are stable, so a rename never touches conversations.
 */
export const stagesInputSchema = z
  .array(stageInputSchema)
  .min(1)
  .max(MAX_STAGES)
  .superRefine((stages, ctx) => {
    const ids = new Set<string>();
    const names = new Set<string>();
    stages.forEach((stage, index) => {
      if (ids.has(stage.id.toLowerCase())) {
        ctx.addIssue({
          code: "custom",
          path: [index, "id"],
          message: `duplicate stage id "${stage.id}"`,
        });
      }
      if (names.has(normalize(stage.name))) {
        ctx.addIssue({
          code: "custom",
          path: [index, "name"],
          message: `duplicate stage name "${stage.name}"`,
        });
      }
      ids.add(stage.id.toLowerCase());
      names.add(normalize(stage.name));
    });
    const defaultStage = stages.find((s) => s.id === DEFAULT_STAGE);
    if (!defaultStage) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: `the default stage ${DEFAULT_STAGE} cannot be removed`,
      });
    } else if (defaultStage.requiresReason) {
      ctx.addIssue({
        code: "custom",
        path: [stages.indexOf(defaultStage), "requiresReason"],
        message: "the default stage cannot require a reason: new conversations start there",
      });
    }
  });

export interface UpdateStagesInput {
  stages: z.output<typeof stagesInputSchema>;
  expectedVersion?: number;
  /** For each removed stage that conversations are in: the stage they move to. */
  moveTo?: Record<string, string>;
}

/** Removed stages still holding conversations need a destination that exists and needs no reason. */
async function plannedMoves(
  ctx: StaffContext,
  current: Pipeline,
  next: PipelineStage[],
  moveTo: Record<string, string>,
): Promise<[string, string][]> {
  const kept = new Map(next.map((s) => [s.id, s]));
  for (const [from, to] of Object.entries(moveTo)) {
    const target = kept.get(to);
    if (!target) throw invalidInput(["moveTo", from], `"${to}" is not a stage of the new pipeline`);
    if (target.requiresReason) {
      throw invalidInput(
        ["moveTo", from],
        `"${to}" requires a reason per conversation; move them one by one`,
      );
    }
    if (kept.has(from)) throw invalidInput(["moveTo", from], `"${from}" is not being removed`);
  }
  const moves: [string, string][] = [];
  for (const removed of current.stages.filter((s) => !kept.has(s.id))) {
    const target = moveTo[removed.id];
    if (target) {
      moves.push([removed.id, target]);
      continue;
    }
    const count = await ctx.deps.repos.conversations.count({ stage: removed.id });
    if (count > 0) {
      throw invalidInput(
        ["moveTo", removed.id],
        `${count} conversation(s) are in stage "${removed.name}": choose a stage to move them to`,
      );
    }
  }
  return moves;
}

/** Moves every live conversation of one stage; each move is a conditional write on the row's version. */
async function moveConversations(ctx: StaffContext, from: string, to: string): Promise<number> {
  const { conversations } = ctx.deps.repos;
  let moved = 0;
  for (;;) {
    // Moved rows leave the stage's index, so the first page always holds the ones still to move.
    const page = await conversations.list({ stage: from, limit: 100 });
    if (page.items.length === 0) return moved;
    for (const conversation of page.items) {
      await conversations.mutate(conversation.conversationId, (c) =>
        c.stage === from ? { stage: to, rejectionReason: null } : undefined,
      );
      moved++;
    }
  }
}

export async function updateStages(ctx: StaffContext, input: UpdateStagesInput): Promise<Pipeline> {
  const current = await loadPipeline(ctx.deps.repos);
  const stages: PipelineStage[] = input.stages.map((stage, position) => ({
    ...stage,
    position,
    isDefault: stage.id === DEFAULT_STAGE,
  }));
  const moves = await plannedMoves(ctx, current, stages, input.moveTo ?? {});
  const saved = await ctx.deps.repos.settings.put(
    PIPELINE_STAGES_KEY,
    { stages },
    { expectedVersion: input.expectedVersion ?? current.version },
  );
  const moved: Record<string, number> = {};
  for (const [from, to] of moves) moved[from] = await moveConversations(ctx, from, to);
  await recordAudit(ctx, {
    action: "stages.update",
    resourceType: "pipeline",
    resourceId: PIPELINE_STAGES_KEY,
    oldValue: current.stages,
    newValue: stages,
    metadata: { version: saved.version, moveTo: input.moveTo ?? {}, moved },
  });
  // Every open board and stage picker follows at once (the reference's pages kept the old stages).
  await publishAdmin(ctx.deps.hub, {
    type: "stages.updated",
    payload: { stages, version: saved.version, moved, actorId: ctx.principal.id },
  });
  return { stages, version: saved.version, updatedAt: saved.updatedAt };
}
