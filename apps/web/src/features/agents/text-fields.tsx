"use client";

import { TextInput, TextArea } from "~/ui/inputs";
import { type ComponentProps, type ReactNode } from "react";
import { getAt, pathKey, type DocPath } from "./document-paths";
import { useAgentEditor } from "./editor-context";
import { FieldFrame } from "./field-frame";
import { asText } from "./edited-text";

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
export function TextLineField({
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
