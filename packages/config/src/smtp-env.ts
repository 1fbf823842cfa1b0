import { z } from "zod";
import { envBoolean, envNumber, optionalString } from "./env-parsers";

/**
 * The SMTP server that mails one-time sign-in codes. Unset `SMTP_HOST` leaves e-mail off (password
 * sign-in only). Option names follow nodemailer's SMTP transport: `secure` is TLS from the first byte
 * (port 465); otherwise STARTTLS is used when the server offers it, and `requireTLS` refuses to send
 * without it.
 */
export const smtpEnvSchema = z.object({
  SMTP_HOST: optionalString,
  /** 587 (submission with STARTTLS), or 465 with SMTP_SECURE; see smtpPort(). */
  SMTP_PORT: optionalString.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, "must be a port number")
      .transform(Number)
      .refine((port) => port >= 1 && port <= 65535, "must be 1–65535")
      .optional(),
  ),
  SMTP_SECURE: envBoolean(false),
  SMTP_REQUIRE_TLS: envBoolean(false),
  SMTP_USER: optionalString,
  SMTP_PASSWORD: optionalString,
  /** The sender: `no-reply@clinic.example` or `Clinic <no-reply@clinic.example>`. */
  SMTP_FROM: optionalString.pipe(
    z
      .string()
      .regex(
        /^(?:[^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/,
        'must be an address like "no-reply@clinic.example" or "Clinic <no-reply@clinic.example>"',
      )
      .optional(),
  ),
  /** Seconds to connect, to get the greeting, and of silence mid-conversation. */
  SMTP_TIMEOUT: envNumber(10, { min: 1, max: 120 }),
});

type SmtpEnv = z.infer<typeof smtpEnvSchema>;

export function smtpPort(env: SmtpEnv): number {
  return env.SMTP_PORT ?? (env.SMTP_SECURE ? 465 : 587);
}

/** Sign-in codes by e-mail are offered exactly when an SMTP server is configured. */
export const emailCodesEnabled = (env: SmtpEnv): boolean => env.SMTP_HOST !== undefined;

/** Start-up errors for a half-configured SMTP server, each naming its variable. */
export function checkSmtpEnv(env: SmtpEnv, ctx: z.RefinementCtx): void {
  const problem = (variable: keyof SmtpEnv, message: string) =>
    ctx.addIssue({ code: "custom", path: [variable], message });
  if (env.SMTP_HOST === undefined) {
    for (const variable of ["SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD", "SMTP_FROM"] as const) {
      if (env[variable] !== undefined) {
        problem(variable, "is set but SMTP_HOST is not (set SMTP_HOST to send sign-in codes)");
      }
    }
    return;
  }
  if (env.SMTP_FROM === undefined) {
    problem("SMTP_FROM", "is required with SMTP_HOST (the sender of sign-in codes)");
  }
  if ((env.SMTP_USER === undefined) !== (env.SMTP_PASSWORD === undefined)) {
    problem(
      env.SMTP_USER === undefined ? "SMTP_USER" : "SMTP_PASSWORD",
      "SMTP_USER and SMTP_PASSWORD are set together",
    );
  }
  if (env.SMTP_SECURE && env.SMTP_REQUIRE_TLS) {
    problem(
      "SMTP_REQUIRE_TLS",
      "is for STARTTLS; with SMTP_SECURE=true the connection is TLS from the start",
    );
  }
}
