"use client";

import { KNOWLEDGE_DOCUMENT_EXTENSIONS } from "@agents-crm/config/knowledge-upload";
import { useRef, useState } from "react";
import { formatNumber } from "~/i18n/format";
import { bytesToBase64, knowledgeFileProblem, type FileProblem } from "./knowledge-files";
import { trpc } from "~/lib/trpc";
import { useLocale, useT } from "~/i18n/i18n-provider";
import styles from "./agents.module.css";

function megabytes(locale: "en" | "ru", bytes: number) {
  return `${formatNumber(locale, bytes / (1024 * 1024), 1)} MB`;
}

/** Reads an uploaded document's text on the server (PDF included) and hands it to the form. */
export function KnowledgeUpload({
  onText,
}: {
  onText: (file: { name: string; text: string }) => void;
}) {
  const t = useT("agents");
  const { locale } = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<{ kind: "busy" | "done" | "error"; text: string } | null>(
    null,
  );
  const extract = trpc.agents.extractDocument.useMutation();

  const problemText = (problem: FileProblem) => {
    switch (problem.kind) {
      case "type":
        return t.knowledge.badType(problem.extension);
      case "empty":
        return t.knowledge.emptyFile;
      case "size":
        return t.knowledge.tooLarge(
          megabytes(locale, problem.bytes),
          megabytes(locale, problem.limit),
        );
    }
  };

  const upload = async (file: File) => {
    const problem = knowledgeFileProblem(file);
    if (problem) {
      setStatus({ kind: "error", text: problemText(problem) });
      return;
    }
    setStatus({ kind: "busy", text: t.knowledge.uploading(file.name) });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await extract.mutateAsync({
        filename: file.name,
        mimeType: file.type || undefined,
        dataBase64: bytesToBase64(bytes),
      });
      onText({ name: file.name, text: result.text });
      setStatus({ kind: "done", text: t.knowledge.uploaded(file.name) });
    } catch (error) {
      setStatus({ kind: "error", text: error instanceof Error ? error.message : String(error) });
    } finally {
      if (input.current) input.current.value = "";
    }
  };

  return (
    <div className={styles.upload}>
      <label>
        {t.knowledge.upload}
        <input
          ref={input}
          type="file"
          accept={KNOWLEDGE_DOCUMENT_EXTENSIONS.join(",")}
          data-testid="knowledge-upload"
          disabled={status?.kind === "busy"}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void upload(file);
          }}
        />
      </label>
      {status && (
        <p
          className={status.kind === "error" ? styles.fieldError : "muted"}
          role={status.kind === "error" ? "alert" : "status"}
          data-testid="knowledge-upload-status"
          data-state={status.kind}
        >
          {status.text}
        </p>
      )}
    </div>
  );
}
