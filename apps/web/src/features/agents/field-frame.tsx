"use client";

import { useId, type ReactNode } from "react";
import { pathKey, type DocPath } from "./document-paths";
import { useAgentEditor } from "./editor-context";
import styles from "./agents.module.css";

export interface ControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": boolean;
  className: string | undefined;
}

/** Label, control, hint and the field's issues, wired together for screen readers. */
export function FieldFrame({
  path,
  label,
  hint,
  within = false,
  extraError,
  children,
}: {
  path: DocPath;
  label: ReactNode;
  hint?: ReactNode;
  /** Also show issues of values inside this one (list items). */
  within?: boolean;
  /** A problem the form sees before the schema does (e.g. a malformed time range). */
  extraError?: string | null;
  /** `props` wires a TextInput, TextArea or Select to the label, hint and issues in one spread. */
  children: (control: {
    id: string;
    describedBy: string | undefined;
    invalid: boolean;
    props: ControlProps;
  }) => ReactNode;
}) {
  const { issuesAt } = useAgentEditor();
  const id = useId();
  const issues = issuesAt(path, within);
  const messages = [...(extraError ? [extraError] : []), ...issues.map(issueText(path))];
  const hintId = hint ? `${id}-hint` : null;
  const errorId = messages.length > 0 ? `${id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <LabelledField id={id} label={label} invalid={messages.length > 0}>
      {children({
        id,
        describedBy,
        invalid: messages.length > 0,
        props: {
          id,
          "aria-describedby": describedBy,
          "aria-invalid": messages.length > 0,
          className: styles.control,
        },
      })}
      {hint && (
        <p id={hintId ?? undefined} className={styles.hint}>
          {hint}
        </p>
      )}
      {errorId && (
        <ul id={errorId} className={styles.fieldError} data-testid={`error-${pathKey(path)}`}>
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </LabelledField>
  );
}

/** A label over its control (and whatever follows it), in the agent forms' field layout. */
export function LabelledField({
  id,
  label,
  invalid = false,
  children,
}: {
  id: string;
  label: ReactNode;
  invalid?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={styles.field} data-invalid={invalid || undefined}>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** An issue deeper than the field says where ("[2]: too long"). */
function issueText(path: DocPath) {
  return (issue: { path: (string | number)[]; message: string }) => {
    const rest = issue.path.slice(path.length);
    return rest.length === 0 ? issue.message : `${pathKey(rest)}: ${issue.message}`;
  };
}
