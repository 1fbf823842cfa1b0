"use client";

import { Notice } from "~/ui/notice";
import { Button } from "~/ui/button";
import { errorMessage } from "~/features/console/api-error";
import type { PipelineStage } from "~/features/console/types";
import { useT } from "~/i18n/i18n-provider";
import admin from "~/ui/admin-page.module.css";
import { RemovedStages } from "./removed-stages";
import { MAX_STAGES } from "@agents-crm/config/pipeline";
import { addStage } from "./stage-draft";
import { StageEditorRow } from "./stage-editor-row";
import styles from "./pipeline.module.css";
import { useStageEditor, type StageEditorState } from "./use-stage-editor";

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
  const editor = useStageEditor(saved, version, onSaved);
  const { draft } = editor;

  return (
    <form
      className={`${admin.panel} ${styles.editor}`}
      onSubmit={editor.save}
      aria-labelledby="stage-editor-title"
      noValidate
      data-testid="stage-editor"
    >
      <h2 id="stage-editor-title">{t.title}</h2>
      <p className="muted">{t.hint}</p>
      <ol className={styles.editorList}>
        {draft.stages.map((stage, index) => (
          <StageEditorRow key={stage.key} stage={stage} index={index} editor={editor} />
        ))}
      </ol>
      {draft.stages.length < MAX_STAGES ? (
        <Button
          className={styles.addStage}
          onClick={() => editor.edit((d) => addStage(d))}
          data-testid="stage-editor-add"
        >
          + {t.add}
        </Button>
      ) : (
        <p className="muted">{t.limit(MAX_STAGES)}</p>
      )}
      <RemovedStages editor={editor} />
      <SaveError editor={editor} />
      <div className={styles.editorButtons}>
        <Button onClick={onClose} disabled={editor.pending}>
          {t.cancel}
        </Button>
        <Button
          variant="primary"
          type="submit"
          disabled={editor.pending}
          data-testid="stage-editor-save"
        >
          {editor.pending ? t.saving : t.save}
        </Button>
      </div>
    </form>
  );
}

/** Why the save failed: a colleague's newer version (with a reload), or the server's first issue. */
function SaveError({ editor }: { editor: StageEditorState }) {
  const t = useT("pipeline").manage;
  if (!editor.error) return null;
  return (
    <Notice tone="danger" role="alert" data-testid="stage-editor-error">
      {editor.conflict ? (
        <>
          {t.conflict}{" "}
          <Button variant="link" onClick={() => void editor.reloadLatest()}>
            {t.reload}
          </Button>
        </>
      ) : (
        (editor.generalIssues[0] ??
        (editor.hasServerIssues ? t.failed : errorMessage(editor.error, t.failed)))
      )}
    </Notice>
  );
}
