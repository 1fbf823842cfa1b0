"use client";

import { TextLineField } from "./text-fields";
import { STYLE_LEVEL } from "@agents-crm/config/agent-config";
import { type ReactNode } from "react";
import { getAt, pathKey, type DocPath } from "./document-paths";
import { useAgentEditor } from "./editor-context";
import styles from "./agents.module.css";
import { FieldFrame } from "./field-frame";
import { asText, useEditedText } from "./edited-text";

export function NumberField({
  path,
  label,
  hint,
  placeholder,
}: {
  path: DocPath;
  label: ReactNode;
  hint?: ReactNode;
  placeholder?: string;
}) {
  const { draft, set } = useAgentEditor();
  const value = getAt(draft, path);
  const [text, setText] = useEditedText(value, asText, (current) => toNumberish(current) === value);
  return (
    <TextLineField
      path={path}
      label={label}
      hint={hint}
      inputMode="decimal"
      value={text}
      placeholder={placeholder}
      onChange={(event) => {
        setText(event.target.value);
        set(path, toNumberish(event.target.value));
      }}
    />
  );
}

/** A number when the text is one; otherwise the text itself, so the schema names the field. */
function toNumberish(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : trimmed;
}

export function RangeField({
  path,
  label,
  fallback,
  format,
}: {
  path: DocPath;
  label: ReactNode;
  fallback: number;
  format: (value: number) => string;
}) {
  const { draft, set } = useAgentEditor();
  const raw = getAt(draft, path);
  const value = typeof raw === "number" ? raw : Number(raw ?? fallback);
  return (
    <FieldFrame path={path} label={label}>
      {({ id, describedBy, invalid }) => (
        <div className={styles.range}>
          <input
            id={id}
            type="range"
            min={STYLE_LEVEL.min}
            max={STYLE_LEVEL.max}
            step={1}
            value={Number.isFinite(value) ? value : fallback}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            aria-valuetext={format(value)}
            data-testid={`field-${pathKey(path)}`}
            onChange={(event) => set(path, Number(event.target.value))}
          />
          <output htmlFor={id}>{format(value)}</output>
        </div>
      )}
    </FieldFrame>
  );
}
