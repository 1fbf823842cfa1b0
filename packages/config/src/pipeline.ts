import { z } from "zod";

/** The stage new conversations start in (the data layer creates them there). */
export const DEFAULT_STAGE = "NEW";
export const MAX_STAGES = 30;
export const MAX_STAGE_ID = 50;
export const MAX_STAGE_NAME = 50;
export const STAGE_ID_PATTERN = new RegExp(`^[A-Za-z0-9_-]{1,${MAX_STAGE_ID}}$`);
export const STAGE_COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
/** Why a conversation moved to a stage that asks for a reason (the reference's REJECTED). */
export const MAX_REJECTION_REASON = 1000;

export const pipelineStageSchema = z.object({
  id: z.string().regex(STAGE_ID_PATTERN),
  name: z.string().trim().min(1).max(MAX_STAGE_NAME),
  color: z.string().regex(STAGE_COLOR_PATTERN, "must be a hex colour like #3B82F6"),
  position: z.number().int().min(0),
  /** Moving a conversation here needs a reason (the reference's REJECTED). */
  requiresReason: z.boolean(),
  /**
   * The conversation's business is done here (Booked, Rejected): moving a card in offers to resolve it,
   * and re-alerts stop. Absent in stages saved before it existed.
   */
  final: z.boolean().default(false),
  /** New conversations start here; always NEW (the data layer creates conversations in it). */
  isDefault: z.boolean(),
});
export type PipelineStage = z.infer<typeof pipelineStageSchema>;

/** The reference's four marketing statuses. */
export const DEFAULT_PIPELINE_STAGES: readonly PipelineStage[] = [
  {
    id: DEFAULT_STAGE,
    name: "New",
    color: "#3B82F6",
    position: 0,
    requiresReason: false,
    final: false,
    isDefault: true,
  },
  {
    id: "BOOKED",
    name: "Booked",
    color: "#22C55E",
    position: 1,
    requiresReason: false,
    final: true,
    isDefault: false,
  },
  {
    id: "NO_RESPONSE",
    name: "No response",
    color: "#F59E0B",
    position: 2,
    requiresReason: false,
    final: false,
    isDefault: false,
  },
  {
    id: "REJECTED",
    name: "Rejected",
    color: "#EF4444",
    position: 3,
    requiresReason: true,
    final: true,
    isDefault: false,
  },
];
