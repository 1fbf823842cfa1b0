"use client";

import { useId, useState } from "react";
import { useT } from "~/i18n/i18n-provider";
import { Button } from "~/ui/button";
import { TextInput } from "~/ui/inputs";
import { addLabel, removeLabel } from "./label-text";
import styles from "./contacts.module.css";

/**
 * Labels as removable chips and a box that adds one on Enter (or a comma). Every change is handed to
 * `onChange` at once; the owner saves it.
 */
export function LabelEditor({
  labels,
  max,
  busy = false,
  error,
  onChange,
  testId,
}: {
  labels: readonly string[];
  max: number;
  busy?: boolean;
  error?: string | null;
  onChange: (labels: string[]) => void;
  testId: string;
}) {
  const t = useT("contacts").labels;
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const noteId = useId();

  const add = () => {
    const result = addLabel(labels, text, max);
    if (!result.ok) {
      if (result.reason !== "empty")
        setProblem(result.reason === "tooMany" ? t.tooMany(max) : t.invalid);
      return;
    }
    setText("");
    setProblem(null);
    if (result.labels.length !== labels.length) onChange(result.labels);
  };

  const shown = problem ?? error ?? null;
  return (
    <div className={styles.labelEditor} data-testid={testId}>
      <ul className={styles.chips} aria-label={t.label}>
        {labels.length === 0 && <li className="muted">{t.none}</li>}
        {labels.map((label) => (
          <li key={label} className={styles.editableChip} data-testid="label-chip">
            <span>{label}</span>
            <Button
              variant="icon"
              size="sm"
              aria-label={t.remove(label)}
              disabled={busy}
              onClick={() => onChange(removeLabel(labels, label))}
              data-testid="label-remove"
            >
              ×
            </Button>
          </li>
        ))}
      </ul>
      <TextInput
        size="sm"
        value={text}
        placeholder={t.placeholder}
        aria-label={t.add}
        aria-describedby={shown ? noteId : undefined}
        aria-invalid={shown ? true : undefined}
        disabled={busy}
        onChange={(e) => {
          setText(e.target.value);
          setProblem(null);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === ",") {
            e.preventDefault();
            add();
          } else if (e.key === "Escape" && text) {
            e.preventDefault();
            e.stopPropagation();
            setText("");
            setProblem(null);
          }
        }}
        data-testid={`${testId}-input`}
      />
      {shown && (
        <span id={noteId} className={styles.problem} role="alert">
          {shown}
        </span>
      )}
    </div>
  );
}
