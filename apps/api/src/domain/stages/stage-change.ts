import type { Repositories } from "@agents-crm/db";
import type { PipelineStage } from "@agents-crm/config/pipeline";
import { invalidInput } from "../errors";
import { checkStageChange, loadPipeline } from "./pipeline-stages";

/**
 * For `conversations.setStage`: the validated target stage and the reason to store (null clears it),
 * or BAD_REQUEST naming `stage` or `rejectionReason`.
 */
export async function resolveStageChange(
  repos: Pick<Repositories, "settings">,
  input: { stage: string; rejectionReason?: string | null },
): Promise<{ stage: PipelineStage; rejectionReason: string | null }> {
  const { stages } = await loadPipeline(repos);
  const check = checkStageChange(stages, input.stage, input.rejectionReason);
  if (!check.ok) throw invalidInput(check.path, check.message);
  return { stage: check.stage, rejectionReason: check.rejectionReason };
}
