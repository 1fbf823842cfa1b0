"use client";

import type { ReactNode } from "react";
import { Select } from "./inputs";

/** One labelled <select> of a filter bar: the empty first option means "no filter" (undefined). */
export function FilterSelect({
  label,
  value,
  anyLabel,
  onChange,
  testId,
  children,
}: {
  label: string;
  value: string | undefined;
  anyLabel: string;
  onChange: (value: string | undefined) => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <label>
      <span>{label}</span>
      <Select
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || undefined)}
        data-testid={testId}
      >
        <option value="">{anyLabel}</option>
        {children}
      </Select>
    </label>
  );
}
