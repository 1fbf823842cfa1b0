"use client";

import type { ReactNode } from "react";
import { getAt, pathKey, type DocPath } from "./document-paths";
import { isPerLanguage, languagesFor, splitPerLanguage, textFor, withText } from "./localized-text";
import { useT } from "~/i18n/i18n-provider";
import { useAgentEditor } from "./editor-context";
import { FieldFrame } from "./fields";
import styles from "./agents.module.css";

/** A customer-facing text: one for every language, or one per language of the agent. */
export function LocalizedTextField({
  path,
  label,
  hint,
}: {
  path: DocPath;
  label: ReactNode;
  hint?: ReactNode;
}) {
  const t = useT("agents");
  const { draft, set } = useAgentEditor();
  const value = getAt(draft, path);
  const agentLanguages = getAt(draft, ["profile", "languages"]);
  const languages = languagesFor(
    value,
    Array.isArray(agentLanguages) ? agentLanguages.map(String) : [],
  );
  const perLanguage = isPerLanguage(value) || (value === undefined && languages.length > 1);
  return (
    <fieldset className={styles.localized} data-testid={`localized-${pathKey(path)}`}>
      <legend>{label}</legend>
      {hint && <p className={styles.hint}>{hint}</p>}
      {perLanguage ? (
        languages.map((language) => (
          <FieldFrame
            key={language}
            path={[...path, language]}
            label={t.localized.language(language)}
          >
            {({ id, describedBy, invalid }) => (
              <textarea
                id={id}
                rows={2}
                value={textFor(value, language)}
                aria-invalid={invalid}
                aria-describedby={describedBy}
                data-testid={`field-${pathKey([...path, language])}`}
                onChange={(event) => set(path, withText(value, language, event.target.value))}
              />
            )}
          </FieldFrame>
        ))
      ) : (
        <FieldFrame path={path} label={t.localized.allLanguages}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              rows={2}
              value={textFor(value, null)}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              data-testid={`field-${pathKey(path)}`}
              onChange={(event) => set(path, withText(value, null, event.target.value))}
            />
          )}
        </FieldFrame>
      )}
      {typeof value === "string" && value !== "" && languages.length > 1 && (
        <button
          type="button"
          className={styles.linkButton}
          onClick={() => set(path, splitPerLanguage(value, languages))}
        >
          {t.localized.perLanguage}
        </button>
      )}
    </fieldset>
  );
}
