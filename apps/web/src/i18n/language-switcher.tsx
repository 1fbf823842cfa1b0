"use client";

import { LOCALE_NAMES, LOCALES, isLocale } from "./locales";
import { useLocale, useT } from "./i18n-provider";
import styles from "./language-switcher.module.css";

/** A small select that every page header can carry; the choice is kept in a cookie. */
export function LanguageSwitcher({ tone = "light" }: { tone?: "light" | "dark" }) {
  const { locale, setLocale } = useLocale();
  const t = useT("common");
  return (
    <label className={styles.switcher} data-tone={tone}>
      <span className={styles.label}>{t.language}</span>
      <select
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
      </select>
    </label>
  );
}
