"use client";

import { useT } from "~/i18n/i18n-provider";
import styles from "./canned-responses.module.css";
import type { CannedPicker as Picker } from "./use-canned-picker";

/** The list under the reply box while a `/word` is typed; the reply box keeps focus and the keys. */
export function CannedPicker({ picker }: { picker: Picker }) {
  const t = useT("cannedResponses").picker;
  if (!picker.open) return null;
  return (
    <div data-testid="canned-picker">
      <ul id={picker.listId} role="listbox" aria-label={t.label} className={styles.picker}>
        {picker.options.map((response, index) => (
          <li
            key={response.responseId}
            id={picker.optionId(index)}
            role="option"
            aria-selected={index === picker.selected}
            className={styles.option}
            data-testid="canned-option"
            data-shortcut={response.shortcut}
            // Keeps the reply box focused, so typing goes on after a click.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => picker.insert(response)}
          >
            <strong>
              /{response.shortcut}
              {response.language ? <span className="muted"> · {response.language}</span> : null}
            </strong>
            <span className={styles.optionText}>{response.content}</span>
          </li>
        ))}
        {picker.options.length === 0 && (
          <li className={styles.option} role="presentation">
            <span className="muted">{picker.loading ? t.loading : t.none}</span>
          </li>
        )}
      </ul>
      <p className={styles.pickerHint}>{t.hint}</p>
    </div>
  );
}
