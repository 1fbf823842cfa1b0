import type { PipelineStage } from "~/features/console/types";
import styles from "./badges.module.css";

/** A pipeline stage in its colour (a stage deleted since shows its id). */
export function StageChip({ stage, id }: { stage: PipelineStage | undefined; id: string }) {
  return (
    <span className={styles.stage} data-stage={id} data-testid="stage-chip">
      <span className={styles.dot} style={{ background: stage?.color ?? "#999" }} aria-hidden />
      {stage?.name ?? id}
    </span>
  );
}
