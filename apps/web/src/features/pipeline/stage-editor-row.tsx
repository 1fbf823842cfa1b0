"use client";

import { MAX_STAGE_NAME } from "@agents-crm/config/pipeline";
import { TextInput } from "~/ui/inputs";
import { Button } from "~/ui/button";
import { useT } from "~/i18n/i18n-provider";
import { editStage, moveStageBy, removeStage, type DraftStage } from "./stage-draft";
import styles from "./pipeline.module.css";
import type { StageEditorState } from "./use-stage-editor";

/** One stage of the draft: colour, name (with its issue), the reason toggle and the row's buttons. */
export function StageEditorRow({
  stage,
  index,
  editor,
}: {
  stage: DraftStage;
  index: number;
  editor: StageEditorState;
}) {
  const t = useT("pipeline").manage;
  const { edit } = editor;
  const nameIssue = editor.stageIssue(stage.key, "name");
  const colorIssue = editor.stageIssue(stage.key, "color");
  const label = stage.name.trim() || t.newName;
  return (
    <li className={styles.editorRow} data-testid="stage-editor-row" data-stage={stage.id ?? ""}>
      <label className={styles.colorField}>
        <input
          type="color"
          value={stage.color}
          aria-label={`${t.colour}: ${label}`}
          aria-invalid={colorIssue !== null}
          onChange={(e) => edit((d) => editStage(d, stage.key, { color: e.target.value }))}
          data-testid="stage-editor-color"
        />
      </label>
      <div className={styles.nameField}>
        <TextInput
          className={styles.fill}
          value={stage.name}
          maxLength={MAX_STAGE_NAME + 10}
          placeholder={t.newName}
          aria-label={`${t.name} ${index + 1}`}
          aria-invalid={nameIssue !== null}
          aria-describedby={nameIssue ? `stage-name-${stage.key}-issue` : undefined}
          onChange={(e) => edit((d) => editStage(d, stage.key, { name: e.target.value }))}
          data-testid="stage-editor-name"
        />
        {(nameIssue ?? colorIssue) && (
          <span
            id={`stage-name-${stage.key}-issue`}
            className={styles.fieldError}
            data-testid="stage-editor-issue"
          >
            {nameIssue ?? colorIssue}
          </span>
        )}
        {stage.isDefault && <span className="muted">{t.defaultStage}</span>}
      </div>
      <label className={styles.reasonToggle} title={t.requiresReasonHint}>
        <input
          type="checkbox"
          checked={stage.requiresReason}
          disabled={stage.isDefault}
          onChange={(e) =>
            edit((d) => editStage(d, stage.key, { requiresReason: e.target.checked }))
          }
        />
        <span>{t.requiresReason}</span>
      </label>
      <label className={styles.reasonToggle} title={t.finalHint}>
        <input
          type="checkbox"
          checked={stage.final}
          onChange={(e) => edit((d) => editStage(d, stage.key, { final: e.target.checked }))}
          data-testid="stage-final"
        />
        <span>{t.final}</span>
      </label>
      <div className={styles.rowButtons}>
        <Button
          size="sm"
          aria-label={t.up(label)}
          disabled={index === 0}
          onClick={() => edit((d) => moveStageBy(d, stage.key, -1))}
        >
          ↑
        </Button>
        <Button
          size="sm"
          aria-label={t.down(label)}
          disabled={index === editor.draft.stages.length - 1}
          onClick={() => edit((d) => moveStageBy(d, stage.key, 1))}
        >
          ↓
        </Button>
        <Button
          size="sm"
          aria-label={t.remove(label)}
          disabled={stage.isDefault}
          onClick={() => edit((d) => removeStage(d, stage.key))}
          data-testid="stage-editor-remove"
        >
          ✕
        </Button>
      </div>
    </li>
  );
}
