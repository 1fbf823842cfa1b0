import type { LoginCodeLanguage } from "@agents-crm/config/login-codes";
import type { OutgoingMail } from "./mailer";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const WORDS = {
  en: {
    subject: (code: string) => `${code} is your Agents CRM sign-in code`,
    intro: "Your code to sign in to the Agents CRM console:",
    expiry: (minutes: number) => `It works once, within ${minutes} minutes.`,
    where: (url: string) => `Enter it on the sign-in page: ${url}`,
    ignore:
      "If you did not ask for it, ignore this e-mail: nobody can sign in without the code, and your password has not changed.",
  },
  ru: {
    subject: (code: string) => `${code} — код для входа в Agents CRM`,
    intro: "Ваш код для входа в консоль Agents CRM:",
    expiry: (minutes: number) => `Код действует один раз в течение ${minutes} минут.`,
    where: (url: string) => `Введите его на странице входа: ${url}`,
    ignore:
      "Если вы его не запрашивали, просто не обращайте внимания на это письмо: без кода войти нельзя, а ваш пароль не изменился.",
  },
} as const;

/** The e-mail carrying a sign-in code, plain text and HTML, in the sign-in page's language. */
export function loginCodeMail(input: {
  to: string;
  code: string;
  language: LoginCodeLanguage;
  expiresInMinutes: number;
  /** Where the sign-in page is (APP_URL), when known. */
  appUrl?: string;
}): OutgoingMail {
  const w = WORDS[input.language];
  const where = input.appUrl ? w.where(`${input.appUrl}/login`) : null;
  const lines = [w.intro, "", input.code, "", w.expiry(input.expiresInMinutes)];
  if (where) lines.push(where);
  lines.push("", w.ignore);
  const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;
  const html = [
    paragraph(w.intro),
    `<p style="font-size:28px;font-weight:bold;letter-spacing:4px">${escapeHtml(input.code)}</p>`,
    paragraph(w.expiry(input.expiresInMinutes)),
    where ? paragraph(where) : "",
    paragraph(w.ignore),
  ].join("\n");
  return {
    to: input.to,
    subject: w.subject(input.code),
    text: lines.join("\n"),
    html,
    language: input.language,
  };
}
