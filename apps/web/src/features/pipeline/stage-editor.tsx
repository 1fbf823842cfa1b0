"use client";

import { MAX_STAGE_NAME, MAX_STAGES } from "@agents-crm/config/pipeline";
import { useState, type FormEvent } from "react";
import {
  isUnauthorized,
  errorMessage,
  issuesByPath,
  isConflict,
} from "~/features/console/api-error";
import {
  addStage,
  draftFromStages,
  editStage,
  hasProblems,
  issueStageKey,
  moveStageBy,
  moveTargets,
  removedStages,
  removeStage,
  setMoveTarget,
  toUpdateInput,
  validateDraft,
} from "./stage-draft";
import type { PipelineStage } from "~/features/console/types";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { useSession } from "~/features/console/session-context";
import admin from "~/ui/admin-page.module.css";
import styles from "./pipeline.module.css";

/**
 * Owners and admins edit the whole stage list as a draft and save it once (`stages.update` with the
 * version it was read at, so a colleague's concurrent edit is reported instead of overwritten).
 */
export function StageEditor({
  saved,
  version,
  onSaved,
  onClose,
}: {
  saved: readonly PipelineStage[];
  version: number;
  onSaved: (movedConversations: boolean) => void;
  onClose: () => void;
}) {
  const t = useT("pipeline").manage;
  const { sessionLost } = useSession();
  const utils = trpc.useUtils();
  const [draft, setDraft] = useState(() => draftFromStages(saved, version));
  const [submitted, setSubmitted] = useState(false);
  const update = trpc.stages.update.useMutation({
    onSuccess: (result) => {
      utils.stages.list.setData(undefined, result);
      onSaved(removedStages(draft, saved).length > 0);
    },
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });

  const problems = validateDraft(draft, saved);
  const serverIssues = issuesByPath(update.error);
  const removed = removedStages(draft, saved);
  const targets = moveTargets(draft);
  const conflict = isConflict(update.error);

  const stageIssue = (key: string, field: "name" | "color"): string | null => {
    const local = problems.stages[key]?.[field];
    if (submitted && local) return t.problems[local];
    for (const [path, message] of Object.entries(serverIssues)) {
      if (path.endsWith(`.${field}`) && issueStageKey(draft, path) === key) return message;
    }
    return null;
  };
  const generalIssues = Object.entries(serverIssues)
    .filter(([path]) => !/^stages\.\d+\.(name|color)$/.test(path) && !path.startsWith("moveTo."))
    .map(([, message]) => message);

  const save = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasProblems(problems)) return;
    update.mutate(toUpdateInput(draft, saved));
  };

  const reloadLatest = async () => {
    const latest = await utils.stages.list.fetch();
    setDraft(draftFromStages(latest.items, latest.version));
    setSubmitted(false);
    update.reset();
  };

  return (
    <form
      className={`${admin.panel} ${styles.editor}`}
      onSubmit={save}
      aria-labelledby="stage-editor-title"
      noValidate
      data-testid="stage-editor"
    >
      <h2 id="stage-editor-title">{t.title}</h2>
      <p className="muted">{t.hint}</p>
      <ol className={styles.editorList}>
        {draft.stages.map((stage, index) => {
          const nameIssue = stageIssue(stage.key, "name");
          const colorIssue = stageIssue(stage.key, "color");
          const label = stage.name.trim() || t.newName;
          return (
            <li
              key={stage.key}
              className={styles.editorRow}
              data-testid="stage-editor-row"
              data-stage={stage.id ?? ""}
            >
              <label className={styles.colorField}>
                <input
                  type="color"
                  value={stage.color}
                  aria-label={`${t.colour}: ${label}`}
                  aria-invalid={colorIssue !== null}
                  onChange={(e) =>
                    setDraft((d) => editStage(d, stage.key, { color: e.target.value }))
                  }
                  data-testid="stage-editor-color"
                />
              </label>
              <div className={styles.nameField}>
                <input
                  type="text"
                  value={stage.name}
                  maxLength={MAX_STAGE_NAME + 10}
                  placeholder={t.newName}
                  aria-label={`${t.name} ${index + 1}`}
                  aria-invalid={nameIssue !== null}
                  aria-describedby={nameIssue ? `stage-name-${stage.key}-issue` : undefined}
                  onChange={(e) =>
                    setDraft((d) => editStage(d, stage.key, { name: e.target.value }))
                  }
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
                    setDraft((d) => editStage(d, stage.key, { requiresReason: e.target.checked }))
                  }
                />
                <span>{t.requiresReason}</span>
              </label>
              <div className={styles.rowButtons}>
                <button
                  type="button"
                  className={admin.button}
                  aria-label={t.up(label)}
                  disabled={index === 0}
                  onClick={() => setDraft((d) => moveStageBy(d, stage.key, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className={admin.button}
                  aria-label={t.down(label)}
                  disabled={index === draft.stages.length - 1}
                  onClick={() => setDraft((d) => moveStageBy(d, stage.key, 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className={admin.button}
                  aria-label={t.remove(label)}
                  disabled={stage.isDefault}
                  onClick={() => setDraft((d) => removeStage(d, stage.key))}
                  data-testid="stage-editor-remove"
                >
                  ✕
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {draft.stages.length < MAX_STAGES ? (
        <button
          type="button"
          className={`${admin.button} ${styles.addStage}`}
          onClick={() => setDraft((d) => addStage(d))}
          data-testid="stage-editor-add"
        >
          + {t.add}
        </button>
      ) : (
        <p className="muted">{t.limit(MAX_STAGES)}</p>
      )}

      {removed.length > 0 && (
        <fieldset className={styles.removed}>
          <legend>{t.removedTitle}</legend>
          {removed.map((stage) => {
            const issue =
              serverIssues[`moveTo.${stage.id}`] ??
              (submitted && problems.moveTo[stage.id] ? t.problems.moveToRequired : null);
            return (
              <label key={stage.id} className={styles.moveField}>
                <span>{t.moveConversations(stage.name)}</span>
                <select
                  value={draft.moveTo[stage.id] ?? ""}
                  aria-invalid={issue !== null}
                  onChange={(e) => setDraft((d) => setMoveTarget(d, stage.id, e.target.value))}
                  data-testid={`stage-editor-move-${stage.id}`}
                >
                  <option value="">{t.chooseTarget}</option>
                  {targets.map((target) => (
                    <option key={target.key} value={target.id ?? ""}>
                      {target.name}
                    </option>
                  ))}
                </select>
                {issue && <span className={styles.fieldError}>{issue}</span>}
              </label>
            );
          })}
        </fieldset>
      )}

      {update.error && (
        <div className={admin.error} role="alert" data-testid="stage-editor-error">
          {conflict ? (
            <>
              {t.conflict}{" "}
              <button
                type="button"
                className={styles.linkButton}
                onClick={() => void reloadLatest()}
              >
                {t.reload}
              </button>
            </>
          ) : (
            (generalIssues[0] ??
            (Object.keys(serverIssues).length > 0
              ? t.failed
              : errorMessage(update.error, t.failed)))
          )}
        </div>
      )}

      <div className={styles.editorButtons}>
        <button
          type="button"
          className={admin.button}
          onClick={onClose}
          disabled={update.isPending}
        >
          {t.cancel}
        </button>
        <button
          type="submit"
          className={admin.primary}
          disabled={update.isPending}
          data-testid="stage-editor-save"
        >
          {update.isPending ? t.saving : t.save}
        </button>
      </div>
    </form>
  );
}
