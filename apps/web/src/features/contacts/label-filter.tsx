"use client";

import { useId, useState } from "react";
import { TextInput } from "~/ui/inputs";
import { isValidLabel, normalizeLabel } from "./label-text";

/**
 * A filter bar's label box: applies on Enter or when it loses focus (not per letter, so a half-typed
 * label does not empty the list); suggests the labels the page has seen.
 */
export function LabelFilter({
  label,
  placeholder,
  value,
  known,
  onChange,
  testId,
}: {
  label: string;
  placeholder?: string;
  value: string | undefined;
  known: readonly string[];
  onChange: (label: string | undefined) => void;
  testId: string;
}) {
  const listId = useId();
  const [text, setText] = useState(value ?? "");
  const [shownFor, setShownFor] = useState(value);
  if (shownFor !== value) {
    setShownFor(value);
    setText(value ?? "");
  }
  const apply = (raw = text) => {
    const next = normalizeLabel(raw);
    const valid = next && isValidLabel(next) ? next : undefined;
    if (valid !== value) onChange(valid);
    setText(valid ?? "");
  };
  return (
    <label>
      <span>{label}</span>
      <TextInput
        value={text}
        list={listId}
        placeholder={placeholder}
        onChange={(e) => {
          setText(e.target.value);
          // A suggestion picked from the list applies at once, as a select would.
          const input = e.nativeEvent as InputEvent;
          if (input.inputType === "insertReplacementText" || input.inputType === undefined) {
            if (known.includes(normalizeLabel(e.target.value))) apply(e.target.value);
          }
        }}
        onBlur={() => apply()}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            apply();
          }
        }}
        data-testid={testId}
      />
      <datalist id={listId}>
        {known.map((option) => (
          <option key={option} value={option} />
        ))}
      </datalist>
    </label>
  );
}
