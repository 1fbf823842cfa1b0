"use client";

import { TextArea } from "~/ui/inputs";
import { Button } from "~/ui/button";
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
          <LanguageText
            key={language}
            path={path}
            value={value}
            language={language}
            label={t.localized.language(language)}
          />
        ))
      ) : (
        <LanguageText path={path} value={value} language={null} label={t.localized.allLanguages} />
      )}
      {typeof value === "string" && value !== "" && languages.length > 1 && (
        <Button variant="link" onClick={() => set(path, splitPerLanguage(value, languages))}>
          {t.localized.perLanguage}
        </Button>
      )}
    </fieldset>
  );
}

/** The text for one language (or, with `language` null, the one text for all of them). */
function LanguageText({
  path,
  value,
  language,
  label,
}: {
  path: DocPath;
  value: unknown;
  language: string | null;
  label: string;
}) {
  const { set } = useAgentEditor();
  const own = language === null ? path : [...path, language];
  return (
    <FieldFrame path={own} label={label}>
      {({ props }) => (
        <TextArea
          {...props}
          rows={2}
          value={textFor(value, language)}
          data-testid={`field-${pathKey(own)}`}
          onChange={(event) => set(path, withText(value, language, event.target.value))}
        />
      )}
    </FieldFrame>
  );
}
