import type { PipelineStage } from "~/features/console/types";

export type MoveCheck =
  | { kind: "same" }
  | { kind: "unknownStage" }
  | { kind: "needsReason"; stage: PipelineStage }
  | { kind: "ready"; stage: PipelineStage };

/** What dropping a card on a stage means: nothing, a reason to ask for first, or a move to send. */
export function checkMove(
  stages: readonly PipelineStage[],
  currentStage: string,
  targetStage: string,
): MoveCheck {
  if (currentStage === targetStage) return { kind: "same" };
  const stage = stages.find((s) => s.id === targetStage);
  if (!stage) return { kind: "unknownStage" };
  return stage.requiresReason ? { kind: "needsReason", stage } : { kind: "ready", stage };
}
