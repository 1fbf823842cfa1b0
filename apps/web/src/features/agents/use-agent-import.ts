"use client";

import { useState } from "react";
import { errorCode, isUnauthorized } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { declaredAgentId, importFileProblem, importIssuesText } from "./import-files";
import { issuesFromApiError } from "./issues";

export interface ImportOutcome {
  agentId: string;
  created: boolean;
  warnings: string[];
}

/**
 * The import dialog's document text (typed, pasted or read from a file), why it was refused, the
 * existing agent it would replace (asked before overwriting) and, once imported, the outcome.
 */
export function useAgentImport(onImported: () => void) {
  const t = useT("agents");
  const { sessionLost } = useSession();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [existing, setExisting] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const importAgent = trpc.agents.import.useMutation();

  const reset = () => {
    setText("");
    setProblem(null);
    setExisting(null);
    setOutcome(null);
    importAgent.reset();
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
          setProblem(issues ? importIssuesText(issues) : error.message);
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

  return {
    text,
    edit: (next: string) => {
      setText(next);
      setExisting(null);
    },
    problem,
    existing,
    outcome,
    pending: importAgent.isPending,
    reset,
    submit,
    readFile,
  };
}
