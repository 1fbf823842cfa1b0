"use client";

import { Select } from "~/ui/inputs";
import { type ReactNode } from "react";
import { getAt, pathKey, type DocPath } from "./document-paths";
import { useAgentEditor } from "./editor-context";
import styles from "./agents.module.css";
import { FieldFrame } from "./field-frame";

export function SelectField({
  path,
  label,
  hint,
  options,
  fallback,
  customLabel,
  allowNone,
}: {
  path: DocPath;
  label: ReactNode;
  hint?: ReactNode;
  options: readonly { value: string; label: string }[];
  /** What the schema uses when the key is absent. */
  fallback?: string;
  /** A value written by hand (an imported document) stays selectable under this label. */
  customLabel?: (value: string) => string;
  /** An empty choice that removes the key. */
  allowNone?: string;
}) {
  const { draft, set } = useAgentEditor();
  const raw = getAt(draft, path);
  const value = typeof raw === "string" ? raw : (fallback ?? "");
  const known = options.some((option) => option.value === value);
  return (
    <FieldFrame path={path} label={label} hint={hint}>
      {({ props }) => (
        <Select
          {...props}
          value={value}
          data-testid={`field-${pathKey(path)}`}
          onChange={(event) =>
            set(path, event.target.value === "" ? undefined : event.target.value)
          }
        >
          {allowNone !== undefined && <option value="">{allowNone}</option>}
          {!known && value !== "" && (
            <option value={value}>{customLabel ? customLabel(value) : value}</option>
          )}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      )}
    </FieldFrame>
  );
}

export function CheckboxField({
  path,
  label,
  fallback,
}: {
  path: DocPath;
  label: ReactNode;
  fallback: boolean;
}) {
  const { draft, set, issuesAt } = useAgentEditor();
  const raw = getAt(draft, path);
  const checked = typeof raw === "boolean" ? raw : fallback;
  const issues = issuesAt(path);
  return (
    <div className={styles.check} data-invalid={issues.length > 0 || undefined}>
      <label>
        <input
          type="checkbox"
          checked={checked}
          data-testid={`field-${pathKey(path)}`}
          onChange={(event) => set(path, event.target.checked)}
        />
        {label}
      </label>
      {issues.length > 0 && (
        <ul className={styles.fieldError}>
          {issues.map((issue) => (
            <li key={issue.message}>{issue.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
