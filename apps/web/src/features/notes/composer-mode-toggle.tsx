"use client";

import { useT } from "~/i18n/i18n-provider";
import styles from "./notes.module.css";

export type ComposerMode = "reply" | "note";

/**
 * Reply to the customer or write an internal note: a radio group, so Tab reaches it once and the arrow
 * keys switch (what a keyboard user expects of two exclusive choices).
 */
export function ComposerModeToggle({
  mode,
  onChange,
}: {
  mode: ComposerMode;
  onChange: (mode: ComposerMode) => void;
}) {
  const t = useT("notes").mode;
  const options: { value: ComposerMode; label: string }[] = [
    { value: "reply", label: t.reply },
    { value: "note", label: t.note },
  ];
  return (
    <fieldset className={styles.modes} data-testid="composer-mode">
      <legend className="sr-only">{t.label}</legend>
      {options.map((option) => (
        <label key={option.value} className={styles.mode} data-mode={option.value}>
          <input
            type="radio"
            name="composer-mode"
            value={option.value}
            checked={mode === option.value}
            onChange={() => onChange(option.value)}
            data-testid={`composer-mode-${option.value}`}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
