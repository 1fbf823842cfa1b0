"use client";

import { TextInput, TextArea } from "~/ui/inputs";
import { type ReactNode } from "react";
import { getAt, pathKey, type DocPath } from "./document-paths";
import { commaList, linesToList, listToLines } from "./text-lists";
import { useAgentEditor } from "./editor-context";
import { FieldFrame } from "./field-frame";
import { useEditedText } from "./edited-text";

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
