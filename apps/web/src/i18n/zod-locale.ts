import { z } from "zod";
import en from "zod/v4/locales/en.js";
import ru from "zod/v4/locales/ru.js";
import type { Locale } from "./locales";

let applied: Locale | null = null;

/**
 * Zod's own messages ("Too big: expected number to be <=2") in the console's language, for the forms
 * that validate in the browser with the API's schemas. Browser only: zod's config is process-global,
 * and the server renders for visitors of both languages at once.
 */
export function applyZodLocale(locale: Locale): void {
  if (typeof window === "undefined" || applied === locale) return;
  z.config(locale === "ru" ? ru() : en());
  applied = locale;
}
