import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "./locales";
import { MESSAGES, type Namespace } from "./messages";

/** The request's language (saved choice, else Accept-Language), for server components and <html lang>. */
export async function requestLocale(): Promise<Locale> {
  const [jar, list] = await Promise.all([cookies(), headers()]);
  return resolveLocale(jar.get(LOCALE_COOKIE)?.value, list.get("accept-language"));
}

export async function serverMessages<N extends Namespace>(
  namespace: N,
): Promise<{ locale: Locale; t: (typeof MESSAGES)[N]["en"] }> {
  const locale = await requestLocale();
  // Each locale's tree has the English tree's shape (checked by defineMessages), as in useT.
  return { locale, t: MESSAGES[namespace][locale] };
}
