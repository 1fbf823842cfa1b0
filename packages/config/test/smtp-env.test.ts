import { describe, expect, it } from "vitest";
import { EnvError, parseServerEnv } from "../src/env";
import { emailCodesEnabled, smtpPort } from "../src/smtp-env";

function errorOf(env: Record<string, string>): string {
  try {
    parseServerEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected the environment to be refused");
}

const smtp = { SMTP_HOST: "smtp.example.com", SMTP_FROM: "Clinic <no-reply@clinic.example>" };

describe("SMTP settings", () => {
  it("are off by default: password sign-in only", () => {
    const env = parseServerEnv({});
    expect(emailCodesEnabled(env)).toBe(false);
    expect(env.SMTP_SECURE).toBe(false);
  });

  it("turn e-mail codes on with a host and a sender, on port 587 or 465 with TLS", () => {
    const env = parseServerEnv(smtp);
    expect(emailCodesEnabled(env)).toBe(true);
    expect(smtpPort(env)).toBe(587);
    expect(smtpPort(parseServerEnv({ ...smtp, SMTP_SECURE: "true" }))).toBe(465);
    expect(smtpPort(parseServerEnv({ ...smtp, SMTP_PORT: "2525" }))).toBe(2525);
    expect(parseServerEnv({ ...smtp, SMTP_FROM: "no-reply@clinic.example" }).SMTP_FROM).toBe(
      "no-reply@clinic.example",
    );
  });

  it("refuse half a configuration with one line naming each variable", () => {
    expect(errorOf({ SMTP_HOST: "smtp.example.com" })).toBe(
      "Invalid environment: SMTP_FROM is required with SMTP_HOST (the sender of sign-in codes)",
    );
    expect(errorOf({ SMTP_FROM: "a@b.c" })).toBe(
      "Invalid environment: SMTP_FROM is set but SMTP_HOST is not (set SMTP_HOST to send sign-in codes)",
    );
    expect(errorOf({ ...smtp, SMTP_USER: "mailer" })).toBe(
      "Invalid environment: SMTP_PASSWORD SMTP_USER and SMTP_PASSWORD are set together",
    );
    expect(errorOf({ ...smtp, SMTP_PORT: "eighty" })).toBe(
      "Invalid environment: SMTP_PORT must be a port number",
    );
    expect(errorOf({ ...smtp, SMTP_PORT: "70000" })).toBe(
      "Invalid environment: SMTP_PORT must be 1–65535",
    );
    expect(errorOf({ ...smtp, SMTP_FROM: "clinic" })).toMatch(
      /^Invalid environment: SMTP_FROM must be an address/,
    );
    expect(errorOf({ ...smtp, SMTP_SECURE: "maybe" })).toBe(
      'Invalid environment: SMTP_SECURE must be true or false, got "maybe"',
    );
    expect(errorOf({ ...smtp, SMTP_SECURE: "true", SMTP_REQUIRE_TLS: "true" })).toMatch(
      /^Invalid environment: SMTP_REQUIRE_TLS is for STARTTLS/,
    );
  });
});
