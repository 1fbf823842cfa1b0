"use client";

import { TextArea, TextInput } from "~/ui/inputs";
import { Button } from "~/ui/button";
import Link from "next/link";
import { useState } from "react";
import { errorCode, isUnauthorized } from "~/features/console/api-error";
import { declaredAgentId, IMPORT_EXTENSIONS, importFileProblem } from "./import-files";
import { issuesFromApiError } from "./issues";
import { trpc } from "~/lib/trpc";
import { useT } from "~/i18n/i18n-provider";
import { useSession } from "~/features/console/session-context";
import dialogStyles from "~/ui/dialog.module.css";
import { DialogActions } from "~/ui/dialog-actions";
import { Dialog } from "~/ui/dialog";
import styles from "./agents.module.css";

interface Outcome {
  agentId: string;
  created: boolean;
  warnings: string[];
}

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
  const common = useT("common");
  const { sessionLost } = useSession();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [existing, setExisting] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const importAgent = trpc.agents.import.useMutation();

  const close = () => {
    setText("");
    setProblem(null);
    setExisting(null);
    setOutcome(null);
    importAgent.reset();
    onClose();
  };

  const submit = (overwrite: boolean) => {
    if (text.trim() === "") return setProblem(t.importer.empty);
    setProblem(null);
    importAgent.mutate(
      { text, overwrite },
      {
        onSuccess: (result) => {
          setExisting(null);
          setOutcome({
            agentId: result.agent.agentId,
            created: result.created,
            warnings: result.warnings.map((warning) => warning.message),
          });
          onImported();
        },
        onError: (error) => {
          if (isUnauthorized(error)) return sessionLost();
          if (errorCode(error) === "CONFLICT") {
            setExisting(declaredAgentId(text) ?? "?");
            return;
          }
          const issues = issuesFromApiError(error);
          setProblem(
            issues
              ? issues
                  .map((issue) => `${issue.path.join(".") || "document"}: ${issue.message}`)
                  .join("\n")
              : error.message,
          );
        },
      },
    );
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    const fileProblem = importFileProblem(file);
    if (fileProblem) {
      setProblem(fileProblem === "type" ? t.importer.fileType : t.importer.fileTooLarge);
      return;
    }
    setText(await file.text());
    setExisting(null);
    setProblem(null);
  };

  return (
    <Dialog
      open={open}
      title={t.importer.title}
      onClose={close}
      testId="import-dialog"
      className={styles.wideDialog}
    >
      {outcome ? (
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
            <Link href={`/admin/agents/${encodeURIComponent(outcome.agentId)}`}>
              {t.importer.open}
            </Link>
            <Button onClick={close} data-testid="import-close">
              {common.actions.close}
            </Button>
          </div>
        </div>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit(false);
          }}
        >
          <p className="muted">{t.importer.intro}</p>
          <div className={styles.field}>
            <label htmlFor="import-file">{t.importer.file}</label>
            <TextInput
              className={styles.control}
              id="import-file"
              type="file"
              accept={IMPORT_EXTENSIONS.join(",")}
              data-testid="import-file"
              onChange={(event) => void readFile(event.target.files?.[0])}
            />
          </div>
          <div className={styles.field}>
            <label htmlFor="import-text">{t.importer.text}</label>
            <TextArea
              id="import-text"
              className={`${styles.control} ${styles.code}`}
              rows={14}
              spellCheck={false}
              value={text}
              aria-invalid={problem !== null}
              aria-describedby={problem ? "import-problem" : undefined}
              data-testid="import-text"
              onChange={(event) => {
                setText(event.target.value);
                setExisting(null);
              }}
            />
          </div>
          {problem && (
            <p
              id="import-problem"
              className={styles.preError}
              role="alert"
              data-testid="import-error"
            >
              {problem}
            </p>
          )}
          {existing && (
            <div className={styles.notice} role="alert" data-testid="import-exists">
              <p>{t.importer.exists(existing)}</p>
              <Button
                variant="primary"
                disabled={importAgent.isPending}
                onClick={() => submit(true)}
                data-testid="import-overwrite"
              >
                {t.importer.overwrite}
              </Button>
            </div>
          )}
          <DialogActions
            label={importAgent.isPending ? t.importer.working : t.importer.submit}
            onCancel={close}
            busy={importAgent.isPending}
            disabled={existing !== null}
            testId="import-submit"
          />
        </form>
      )}
    </Dialog>
  );
}
