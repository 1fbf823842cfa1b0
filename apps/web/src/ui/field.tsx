"use client";

import { createContext, useContext, useId, type ReactNode } from "react";
import styles from "./field.module.css";

interface FieldControl {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

const FieldContext = createContext<FieldControl | null>(null);

/**
 * A labelled control with its hint or its error under it (the error replaces the hint). The control
 * inside (TextInput, TextArea, Select) takes the field's id, `aria-describedby` and `aria-invalid`
 * from here, so the label, the note and the invalid state are announced with it.
 */
export function Field({
  label,
  hint,
  error,
  errorTestId,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** The error's data-testid, for tests that read what went wrong. */
  errorTestId?: string;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ?? hint;
  const control: FieldControl = {
    id,
    describedBy: note ? noteId : undefined,
    invalid: Boolean(error),
  };
  return (
    <div className={className ? `${styles.field} ${className}` : styles.field}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      <FieldContext.Provider value={control}>{children}</FieldContext.Provider>
      {error ? (
        <span id={noteId} className={styles.error} data-testid={errorTestId}>
          {error}
        </span>
      ) : (
        hint && (
          <span id={noteId} className={styles.hint}>
            {hint}
          </span>
        )
      )}
    </div>
  );
}

/** A group of checkboxes or radios under one legend, with its hint or error under them. */
export function FieldGroup({
  legend,
  hint,
  error,
  className,
  children,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  children: ReactNode;
}) {
  const noteId = `${useId()}-note`;
  const note = error ?? hint;
  return (
    <fieldset
      className={className ? `${styles.group} ${className}` : styles.group}
      aria-invalid={Boolean(error)}
      aria-describedby={note ? noteId : undefined}
    >
      <legend className={styles.label}>{legend}</legend>
      {children}
      {note && (
        <span id={noteId} className={error ? styles.error : styles.hint}>
          {note}
        </span>
      )}
    </fieldset>
  );
}

/** A control's wiring to the Field around it, if any; its own props win. */
export function useFieldControl(own: {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false" | "grammar" | "spelling";
}) {
  const field = useContext(FieldContext);
  const describedBy = [field?.describedBy, own["aria-describedby"]].filter(Boolean).join(" ");
  return {
    id: own.id ?? field?.id,
    "aria-describedby": describedBy || undefined,
    "aria-invalid": own["aria-invalid"] ?? (field?.invalid || undefined),
  };
}
