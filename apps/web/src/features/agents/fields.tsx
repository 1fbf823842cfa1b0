"use client";

import { STYLE_LEVEL } from "@agents-crm/config/agent-config";
import { TextInput, TextArea, Select } from "~/ui/inputs";
import { useId, useState, type ComponentProps, type ReactNode } from "react";
import { getAt, pathKey, type DocPath } from "./document-paths";
import { commaList, linesToList, listToLines } from "./text-lists";
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

const asText = (value: unknown) =>
  typeof value === "string" || typeof value === "number" ? String(value) : "";

export function TextField({
  path,
  label,
  hint,
  placeholder,
  readOnly,
  list,
  /** Empty text removes the key (the schema's default applies) instead of storing "". */
  emptyRemoves = false,
}: {
  path: DocPath;
  label: ReactNode;
  hint?: ReactNode;
  placeholder?: string;
  readOnly?: boolean;
  list?: string;
  emptyRemoves?: boolean;
}) {
  const { draft, set } = useAgentEditor();
  return (
    <TextLineField
      path={path}
      label={label}
      hint={hint}
      value={asText(getAt(draft, path))}
      placeholder={placeholder}
      readOnly={readOnly}
      list={list}
      onChange={(event) =>
        set(path, emptyRemoves && event.target.value === "" ? undefined : event.target.value)
      }
    />
  );
}

/** A one-line text box in the field frame of `path`; the other input props pass through. */
function TextLineField({
  path,
  label,
  hint,
  ...input
}: {
  path: DocPath;
  label: ReactNode;
  hint?: ReactNode;
} & Pick<
  ComponentProps<typeof TextInput>,
  "value" | "placeholder" | "readOnly" | "list" | "inputMode" | "onChange"
>) {
  return (
    <FieldFrame path={path} label={label} hint={hint}>
      {({ props }) => (
        <TextInput {...props} type="text" data-testid={`field-${pathKey(path)}`} {...input} />
      )}
    </FieldFrame>
  );
}

export function TextAreaField({
  path,
  label,
  hint,
  rows = 4,
  maxLength,
  counter,
}: {
  path: DocPath;
  label: ReactNode;
  hint?: ReactNode;
  rows?: number;
  /** Shown as a counter; the schema, not the browser, enforces it (pasted text is not cut silently). */
  maxLength?: number;
  counter?: (length: number, max: number) => string;
}) {
  const { draft, set } = useAgentEditor();
  const value = asText(getAt(draft, path));
  return (
    <FieldFrame
      path={path}
      label={label}
      hint={
        maxLength && counter ? (
          <span data-over={value.length > maxLength || undefined}>
            {hint} {counter(value.length, maxLength)}
          </span>
        ) : (
          hint
        )
      }
    >
      {({ props }) => (
        <TextArea
          {...props}
          rows={rows}
          value={value}
          data-testid={`field-${pathKey(path)}`}
          onChange={(event) => set(path, event.target.value)}
        />
      )}
    </FieldFrame>
  );
}

/**
 * Text typed in a field keeps its own state while it does not parse as the stored value (a half-typed
 * "0." or a list with a trailing newline), and follows the document when it changes elsewhere.
 */
function useEditedText(
  value: unknown,
  format: (value: unknown) => string,
  same: (text: string) => boolean,
) {
  const [text, setText] = useState(() => format(value));
  // Only an outside change of the value re-syncs the text, not each keystroke.
  const [shownFor, setShownFor] = useState(value);
  if (shownFor !== value) {
    setShownFor(value);
    if (!same(text)) setText(format(value));
  }
  return [text, setText] as const;
}

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

/** A list of strings edited one per line (keywords, claims) or comma-separated (codes). */
export function ListField({
  path,
  label,
  hint,
  separator = "lines",
  rows = 4,
}: {
  path: DocPath;
  label: ReactNode;
  hint?: ReactNode;
  separator?: "lines" | "commas";
  rows?: number;
}) {
  const { draft, set } = useAgentEditor();
  const value = getAt(draft, path);
  const parse = separator === "lines" ? linesToList : commaList;
  const format = (list: unknown) =>
    separator === "lines" ? listToLines(list) : Array.isArray(list) ? list.join(", ") : "";
  const [text, setText] = useEditedText(value, format, (current) =>
    sameList(parse(current), value),
  );
  return (
    <FieldFrame path={path} label={label} hint={hint} within>
      {({ props }) => {
        const common = {
          ...props,
          value: text,
          "data-testid": `field-${pathKey(path)}`,
          onChange: (event: { target: { value: string } }) => {
            setText(event.target.value);
            set(path, parse(event.target.value));
          },
        };
        return separator === "lines" ? (
          <TextArea rows={rows} {...common} />
        ) : (
          <TextInput type="text" {...common} />
        );
      }}
    </FieldFrame>
  );
}

function sameList(list: string[], value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length === list.length &&
    value.every((item, index) => item === list[index])
  );
}
