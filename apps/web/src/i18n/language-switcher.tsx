"use client";

import { LOCALE_NAMES, LOCALES, isLocale } from "./locales";
import { useLocale, useT } from "./i18n-provider";
import { Select } from "~/ui/inputs";
import styles from "./language-switcher.module.css";

/** A small select that every page header can carry; the choice is kept in a cookie. */
export function LanguageSwitcher() {
  const { locale, setLocale } = useLocale();
  const t = useT("common");
  return (
    <label className={styles.switcher}>
      <span className="sr-only">{t.language}</span>
      <Select
        size="sm"
        data-testid="language-switcher"
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) setLocale(event.target.value);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </Select>
    </label>
  );
}
