import { z } from "zod";
import { MAX_EMAIL } from "./staff";

/** Sign-in by a one-time code mailed to the account's address (when SMTP is configured). */
export const LOGIN_CODE_LENGTH = 6;
export const LOGIN_CODE_TTL_MINUTES = 10;
/** Wrong guesses a code survives; the next one burns it. */
export const LOGIN_CODE_MAX_ATTEMPTS = 5;

export const LOGIN_CODE_LANGUAGES = ["en", "ru"] as const;
export type LoginCodeLanguage = (typeof LOGIN_CODE_LANGUAGES)[number];

const emailField = z.string().trim().toLowerCase().min(1).max(MAX_EMAIL);

export const requestCodeInputSchema = z.object({
  email: emailField,
  /** The sign-in page's language: the e-mail is written in it. */
  language: z.enum(LOGIN_CODE_LANGUAGES).default("en"),
});

/** People paste "123 456" or "123-456": separators are dropped before the digits are checked. */
export const loginCodeSchema = z
  .string()
  .max(32)
  .transform((code) => code.replace(/[\s-]/g, ""))
  .pipe(
    z
      .string()
      .regex(
        new RegExp(`^\\d{${LOGIN_CODE_LENGTH}}$`),
        `must be the ${LOGIN_CODE_LENGTH}-digit code from the e-mail`,
      ),
  );

export const verifyCodeInputSchema = z.object({ email: emailField, code: loginCodeSchema });
