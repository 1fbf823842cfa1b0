import type { ServerEnv } from "@agents-crm/config/env";
import { smtpPort } from "@agents-crm/config/smtp-env";
import { createTransport } from "nodemailer";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Content-Language of the message. */
  language: string;
}

/** The SMTP server the API sends through (sign-in codes); null when SMTP_HOST is unset. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** Throws unless the server answers and accepts our login now (a success is trusted for a minute). */
  ensureReachable(): Promise<void>;
}

const REACHABLE_CACHE_MS = 60_000;

/**
 * nodemailer's SMTP transport from the SMTP_* variables: TLS from the start with SMTP_SECURE, otherwise
 * STARTTLS when offered (required with SMTP_REQUIRE_TLS). One connection per message: codes are rare,
 * and a pool would hold a socket open to the server all day.
 */
export function createMailer(env: ServerEnv): Mailer | null {
  if (env.SMTP_HOST === undefined || env.SMTP_FROM === undefined) return null;
  const timeoutMs = env.SMTP_TIMEOUT * 1000;
  const transport = createTransport({
    host: env.SMTP_HOST,
    port: smtpPort(env),
    secure: env.SMTP_SECURE,
    requireTLS: env.SMTP_REQUIRE_TLS,
    auth:
      env.SMTP_USER !== undefined ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // nodemailer's own logging would print addresses and message bodies.
    logger: false,
    debug: false,
  });
  const from = env.SMTP_FROM;
  let verifiedAt = 0;
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { "Content-Language": mail.language },
      });
      verifiedAt = Date.now();
    },
    async ensureReachable() {
      if (Date.now() - verifiedAt < REACHABLE_CACHE_MS) return;
      verifiedAt = 0;
      await transport.verify();
      verifiedAt = Date.now();
    },
  };
}

/** What may be logged of an SMTP failure: codes, never the server's text (it may quote the address). */
export function smtpFailureFields(error: unknown): Record<string, unknown> {
  if (typeof error !== "object" || error === null) return { error: "unknown" };
  const { code, responseCode, command } = error as Record<string, unknown>;
  return { code, responseCode, command };
}
