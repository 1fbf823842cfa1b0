"use client";

import { Select } from "~/ui/inputs";
import { useT } from "~/i18n/i18n-provider";
import { setMoveTarget } from "./stage-draft";
import styles from "./pipeline.module.css";
import type { StageEditorState } from "./use-stage-editor";

/** For each saved stage the draft removes: where its conversations move. */
export function RemovedStages({ editor }: { editor: StageEditorState }) {
  const t = useT("pipeline").manage;
  if (editor.removed.length === 0) return null;
  return (
    <fieldset className={styles.removed}>
      <legend>{t.removedTitle}</legend>
      {editor.removed.map((stage) => {
        const issue = editor.moveIssue(stage.id);
        return (
          <label key={stage.id} className={styles.moveField}>
            <span>{t.moveConversations(stage.name)}</span>
            <Select
              className={styles.fill}
              value={editor.draft.moveTo[stage.id] ?? ""}
              aria-invalid={issue !== null}
              onChange={(e) => editor.edit((d) => setMoveTarget(d, stage.id, e.target.value))}
              data-testid={`stage-editor-move-${stage.id}`}
            >
              <option value="">{t.chooseTarget}</option>
              {editor.targets.map((target) => (
                <option key={target.key} value={target.id ?? ""}>
                  {target.name}
                </option>
              ))}
            </Select>
            {issue && <span className={styles.fieldError}>{issue}</span>}
          </label>
        );
      })}
    </fieldset>
  );
}
