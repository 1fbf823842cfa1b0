"use client";

import { TextArea, TextInput } from "~/ui/inputs";
import { Button } from "~/ui/button";
import Link from "next/link";
import { IMPORT_EXTENSIONS } from "./import-files";
import { useT } from "~/i18n/i18n-provider";
import dialogStyles from "~/ui/dialog.module.css";
import { DialogActions } from "~/ui/dialog-actions";
import { Dialog } from "~/ui/dialog";
import styles from "./agents.module.css";
import { LabelledField } from "./fields";
import { useAgentImport, type ImportOutcome } from "./use-agent-import";

/** Paste or upload an agent YAML/JSON; an existing id is replaced only after a second, explicit yes. */
export function ImportDialog({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const t = useT("agents");
  const importer = useAgentImport(onImported);
  const close = () => {
    importer.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      title={t.importer.title}
      onClose={close}
      testId="import-dialog"
      className={styles.wideDialog}
    >
      {importer.outcome ? (
        <OutcomeView outcome={importer.outcome} onClose={close} />
      ) : (
        <ImportForm importer={importer} onCancel={close} />
      )}
    </Dialog>
  );
}

/** What was imported, its warnings, and the way to the agent. */
function OutcomeView({ outcome, onClose }: { outcome: ImportOutcome; onClose: () => void }) {
  const t = useT("agents");
  const common = useT("common");
  return (
    <div data-testid="import-outcome">
      <p className={styles.ok}>
        {outcome.created
          ? t.importer.created(outcome.agentId)
          : t.importer.replaced(outcome.agentId)}
      </p>
      {outcome.warnings.length > 0 && (
        <div className={styles.warnings} data-testid="import-warnings">
          <p>{t.importer.warningsTitle}</p>
          <ul>
            {outcome.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      <div className={dialogStyles.buttons}>
        <Link href={`/admin/agents/${encodeURIComponent(outcome.agentId)}`}>{t.importer.open}</Link>
        <Button onClick={onClose} data-testid="import-close">
          {common.actions.close}
        </Button>
      </div>
    </div>
  );
}

/** The document as a file or as text, its problem, and the overwrite question. */
function ImportForm({
  importer,
  onCancel,
}: {
  importer: ReturnType<typeof useAgentImport>;
  onCancel: () => void;
}) {
  const t = useT("agents");
  const { problem, existing } = importer;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        importer.submit(false);
      }}
    >
      <p className="muted">{t.importer.intro}</p>
      <LabelledField id="import-file" label={t.importer.file}>
        <TextInput
          className={styles.control}
          id="import-file"
          type="file"
          accept={IMPORT_EXTENSIONS.join(",")}
          data-testid="import-file"
          onChange={(event) => void importer.readFile(event.target.files?.[0])}
        />
      </LabelledField>
      <LabelledField id="import-text" label={t.importer.text}>
        <TextArea
          id="import-text"
          className={`${styles.control} ${styles.code}`}
          rows={14}
          spellCheck={false}
          value={importer.text}
          aria-invalid={problem !== null}
          aria-describedby={problem ? "import-problem" : undefined}
          data-testid="import-text"
          onChange={(event) => importer.edit(event.target.value)}
        />
      </LabelledField>
      {problem && (
        <p id="import-problem" className={styles.preError} role="alert" data-testid="import-error">
          {problem}
        </p>
      )}
      {existing && (
        <div className={styles.notice} role="alert" data-testid="import-exists">
          <p>{t.importer.exists(existing)}</p>
          <Button
            variant="primary"
            disabled={importer.pending}
            onClick={() => importer.submit(true)}
            data-testid="import-overwrite"
          >
            {t.importer.overwrite}
          </Button>
        </div>
      )}
      <DialogActions
        label={importer.pending ? t.importer.working : t.importer.submit}
        onCancel={onCancel}
        busy={importer.pending}
        disabled={existing !== null}
        testId="import-submit"
      />
    </form>
  );
}
