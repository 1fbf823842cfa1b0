"use client";

import { Button } from "~/ui/button";
import { useId, useRef, useState } from "react";
import type { AgentDocument } from "./document-paths";
import {
  formatDocument,
  offsetOf,
  parseRawDocument,
  type RawFormat,
  type RawProblem,
} from "./raw-document";
import { useT } from "~/i18n/i18n-provider";
import { useAgentEditor } from "./editor-context";
import styles from "./agents.module.css";

/** The whole document as JSON or YAML; applying it replaces the draft the form edits. */
export function RawEditor() {
  const t = useT("agents");
  const { draft, replace } = useAgentEditor();
  const id = useId();
  const [format, setFormat] = useState<RawFormat>("yaml");
  const [text, setText] = useState(() => formatDocument(draft, "yaml"));
  const [problem, setProblem] = useState<RawProblem | null>(null);
  const [applied, setApplied] = useState(false);
  const [source, setSource] = useState<AgentDocument>(draft);
  const textarea = useRef<HTMLTextAreaElement>(null);

  const show = (found: RawProblem) => {
    setProblem(found);
    // A textarea has no line numbers: put the caret where the parser stopped.
    const box = textarea.current;
    if (box && found.line !== null) {
      const at = offsetOf(text, found.line, found.column ?? 1);
      box.focus();
      box.setSelectionRange(at, Math.min(at + 1, text.length));
    }
  };

  // The form changed the draft (or it was applied): show it, unless the text has edits of its own.
  const edited = text !== formatDocument(source, format);
  if (draft !== source && !edited) {
    setText(formatDocument(draft, format));
    setSource(draft);
  }

  const switchFormat = (next: RawFormat) => {
    const parsed = parseRawDocument(text, format);
    // Unparseable text stays as it is (switching must not lose it); the problem says why.
    if (!parsed.ok) {
      show(parsed.problem);
      return;
    }
    setFormat(next);
    setText(formatDocument(parsed.document, next));
    setProblem(null);
  };

  const apply = () => {
    const parsed = parseRawDocument(text, format);
    if (!parsed.ok) {
      show(parsed.problem);
      setApplied(false);
      return;
    }
    setProblem(null);
    setSource(parsed.document);
    setText(formatDocument(parsed.document, format));
    replace(parsed.document);
    setApplied(true);
  };

  return (
    <section className={styles.raw} aria-labelledby={`${id}-title`}>
      <div className={styles.itemHead}>
        <h3 id={`${id}-title`}>{t.review.raw}</h3>
        <div role="radiogroup" aria-label={t.review.format} className={styles.segmented}>
          {(["yaml", "json"] as const).map((option) => (
            <button
              key={option}
              type="button"
              role="radio"
              aria-checked={format === option}
              data-testid={`raw-format-${option}`}
              onClick={() => option !== format && switchFormat(option)}
            >
              {option.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
      <textarea
        ref={textarea}
        id={`${id}-text`}
        wrap="off"
        className={styles.code}
        rows={24}
        spellCheck={false}
        value={text}
        aria-label={t.review.raw}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        data-testid="raw-editor"
        onChange={(event) => {
          setText(event.target.value);
          setApplied(false);
        }}
      />
      {problem && (
        <p
          id={`${id}-problem`}
          className={styles.fieldError}
          role="alert"
          data-testid="raw-problem"
        >
          {problem.line !== null && problem.column !== null && (
            <strong>{t.review.problemAt(problem.line, problem.column)} </strong>
          )}
          {problem.message}
        </p>
      )}
      {edited && !problem && <p className="muted">{t.review.unapplied}</p>}
      {applied && !edited && (
        <p className="muted" role="status">
          {t.review.applied}
        </p>
      )}
      <div className={styles.inline}>
        <Button onClick={apply} disabled={!edited} data-testid="raw-apply">
          {t.review.apply}
        </Button>
        <Button
          disabled={!edited}
          onClick={() => {
            setText(formatDocument(draft, format));
            setSource(draft);
            setProblem(null);
          }}
        >
          {t.review.revert}
        </Button>
      </div>
    </section>
  );
}
