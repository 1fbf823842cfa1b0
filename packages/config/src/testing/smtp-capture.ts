import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Content-Language, when the message names one. */
  language: string | null;
}

export interface SmtpCapture {
  host: string;
  port: number;
  /** Every message accepted so far, oldest first. */
  messages: CapturedMail[];
  /** The first message (already received or still to come) to `recipient` after `since` messages. */
  nextTo(
    recipient: string,
    options?: { since?: number; timeoutMs?: number },
  ): Promise<CapturedMail>;
  /** The SMTP_* variables that make the API send through this server. */
  env: Record<string, string>;
  /** While set, every message is refused with this SMTP reply (e.g. 451 "try later"). */
  refuseWith(reply: { code: number; message: string } | null): void;
  close(): Promise<void>;
}

export const SMTP_CAPTURE_USER = "mailer";
export const SMTP_CAPTURE_PASSWORD = "mailer-secret";

/**
 * A real SMTP server (nodemailer's smtp-server) on 127.0.0.1 and a free port, for tests: it requires
 * AUTH with the user and password above, accepts every message and parses it (mailparser) into
 * `messages`. STARTTLS is off: its certificate would be self-signed and a client must not trust one.
 */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const waiters = new Set<() => void>();
  let refusal: { code: number; message: string } | null = null;

  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_CAPTURE_USER && auth.password === SMTP_CAPTURE_PASSWORD) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error("Invalid username or password"));
      }
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          if (refusal) {
            callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
            return;
          }
          const language = mail.headers.get("content-language");
          messages.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            language: typeof language === "string" ? language : null,
          });
          callback();
          for (const wake of waiters) wake();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    host: "127.0.0.1",
    port,
    messages,
    env: {
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(port),
      SMTP_USER: SMTP_CAPTURE_USER,
      SMTP_PASSWORD: SMTP_CAPTURE_PASSWORD,
      SMTP_FROM: "Clinic front desk <no-reply@clinic.test>",
    },
    refuseWith(reply) {
      refusal = reply;
    },
    nextTo(recipient, options = {}) {
      const since = options.since ?? 0;
      const address = recipient.toLowerCase();
      const find = () =>
        messages.slice(since).find((m) => m.to.some((to) => to.toLowerCase() === address));
      return new Promise((resolve, reject) => {
        const found = find();
        if (found) return resolve(found);
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no e-mail to ${recipient} within ${options.timeoutMs ?? 10_000} ms`));
        }, options.timeoutMs ?? 10_000);
        const check = () => {
          const mail = find();
          if (!mail) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(mail);
        };
        waiters.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
