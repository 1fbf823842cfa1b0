"use client";

import { Button } from "~/ui/button";
import { getAt, isPlainObject } from "./document-paths";
import { sourceIdFor, titleFromFilename } from "./knowledge-files";
import { formatNumber } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { useAgentEditor } from "./editor-context";
import { CheckboxField, NumberField, TextAreaField, TextField } from "./fields";
import { KnowledgeUpload } from "./knowledge-upload";
import admin from "~/ui/admin-page.module.css";
import styles from "./agents.module.css";

export function KnowledgeStep() {
  const t = useT("agents");
  const { locale } = useLocale();
  const { draft, set, issuesAt } = useAgentEditor();
  const raw = getAt(draft, ["rag", "sources"]);
  const sources = (Array.isArray(raw) ? raw : []) as unknown[];
  const contentOf = (source: unknown) =>
    isPlainObject(source) && typeof source.content === "string" ? source.content : "";
  const taken = () =>
    new Set(sources.map((source) => (isPlainObject(source) ? String(source.id) : "")));
  const totalChars = sources.reduce<number>((sum, source) => sum + contentOf(source).length, 0);
  const listIssues = issuesAt(["rag", "sources"]);

  const add = (source: { title: string; content: string; name: string }) =>
    set(
      ["rag", "sources"],
      [
        ...sources,
        {
          id: sourceIdFor(source.name, taken()),
          type: "text",
          title: source.title,
          content: source.content,
        },
      ],
    );

  return (
    <div className={styles.step}>
      <p className="muted">{t.knowledge.intro}</p>
      <CheckboxField path={["rag", "enabled"]} label={t.knowledge.enabled} fallback />
      <div className={styles.grid2}>
        <NumberField
          path={["rag", "retrieval", "top_k"]}
          label={t.knowledge.topK}
          placeholder="6"
        />
        <NumberField
          path={["rag", "retrieval", "score_threshold"]}
          label={t.knowledge.threshold}
          placeholder="0.2"
        />
      </div>
      <KnowledgeUpload
        onText={({ name, text }) => add({ name, title: titleFromFilename(name), content: text })}
      />
      {listIssues.length > 0 && (
        <ul className={styles.fieldError}>
          {listIssues.map((issue) => (
            <li key={issue.message}>{issue.message}</li>
          ))}
        </ul>
      )}
      {sources.length === 0 ? (
        <p className={admin.empty}>{t.knowledge.empty}</p>
      ) : (
        <p className="muted" data-testid="knowledge-total">
          {t.knowledge.total(sources.length, formatNumber(locale, totalChars))}
        </p>
      )}
      <ol className={styles.items}>
        {sources.map((source, index) => (
          <li key={index} className={styles.item} data-testid="knowledge-source">
            <div className={styles.itemHead}>
              <h3>{t.knowledge.item(index + 1)}</h3>
              <Button
                variant="link"
                onClick={() =>
                  set(
                    ["rag", "sources"],
                    sources.filter((_, other) => other !== index),
                  )
                }
              >
                {t.knowledge.remove}
              </Button>
            </div>
            <div className={styles.grid2}>
              <TextField path={["rag", "sources", index, "title"]} label={t.knowledge.docTitle} />
              <TextField path={["rag", "sources", index, "id"]} label={t.knowledge.id} />
            </div>
            <TextAreaField
              path={["rag", "sources", index, "content"]}
              label={t.knowledge.content}
              hint={t.knowledge.size(formatNumber(locale, contentOf(source).length))}
              rows={6}
            />
          </li>
        ))}
      </ol>
      <Button
        data-testid="add-source"
        onClick={() => add({ name: `document_${sources.length + 1}`, title: "", content: "" })}
      >
        {t.knowledge.add}
      </Button>
    </div>
  );
}
