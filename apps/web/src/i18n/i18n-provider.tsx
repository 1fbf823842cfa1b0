"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { LOCALE_COOKIE, type Locale } from "./locales";
import { MESSAGES, type Namespace } from "./messages";
import { applyZodLocale } from "./zod-locale";

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

const ONE_YEAR_S = 365 * 24 * 60 * 60;

export function I18nProvider({
  initialLocale,
  children,
}: {
  initialLocale: Locale;
  children: ReactNode;
}) {
  const router = useRouter();
  const [locale, setState] = useState<Locale>(initialLocale);
  applyZodLocale(locale);
  const setLocale = useCallback(
    (next: Locale) => {
      document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${ONE_YEAR_S}; samesite=lax`;
      document.documentElement.lang = next;
      setState(next);
      // Server-rendered text (page titles, empty states) follows on the next render.
      router.refresh();
    },
    [router],
  );
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useLocale(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useLocale must be used inside <I18nProvider>");
  return value;
}

/** The current language's messages of one area: `const t = useT("agents"); t.title`. */
export function useT<N extends Namespace>(namespace: N): (typeof MESSAGES)[N]["en"] {
  const { locale } = useLocale();
  // Each locale's tree has the English tree's shape (checked by defineMessages).
  return MESSAGES[namespace][locale];
}
