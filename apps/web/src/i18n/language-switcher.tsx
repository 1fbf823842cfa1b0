"use client";

import { LOCALE_NAMES, LOCALES, isLocale } from "./locales";
import { useLocale, useT } from "./i18n-provider";
import { Select } from "~/ui/inputs";
import styles from "./language-switcher.module.css";

/**
 * A small select that every page header can carry; the choice is kept in a cookie. `compact`: on a
 * phone it shows the language's code (EN, RU), the native select laid over it (same focus, keys, list).
 */
export function LanguageSwitcher({ compact = false }: { compact?: boolean }) {
  const { locale, setLocale } = useLocale();
  const t = useT("common");
  return (
    <label className={compact ? `${styles.switcher} ${styles.compact}` : styles.switcher}>
      <span className="sr-only">{t.language}</span>
      {compact && (
        <span className={styles.code} aria-hidden="true">
          {locale.toUpperCase()}
        </span>
      )}
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
