import { defineMessages } from "~/i18n/define";

export const login = defineMessages(
  {
    title: "Sign in",
    pageTitle: "Sign in · Agents CRM",
    heading: "Sign in to the console",
    email: "Email",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in…",
    problems: {
      throttled: "Too many sign-in attempts.",
      invalid: "Invalid email or password.",
      missing: "Enter your email and password.",
      unavailable: "Could not sign in right now. Please try again.",
    },
    retryInSeconds: (seconds: number) => `Try again in ${seconds} s.`,
    retryInMinutes: (clock: string) => `Try again in ${clock}.`,
  },
  {
    title: "Вход",
    pageTitle: "Вход · Agents CRM",
    heading: "Вход в консоль",
    email: "Электронная почта",
    password: "Пароль",
    submit: "Войти",
    submitting: "Вход…",
    problems: {
      throttled: "Слишком много попыток входа.",
      invalid: "Неверная почта или пароль.",
      missing: "Введите почту и пароль.",
      unavailable: "Сейчас войти не получается. Попробуйте ещё раз.",
    },
    retryInSeconds: (seconds: number) => `Повторите через ${seconds} с.`,
    retryInMinutes: (clock: string) => `Повторите через ${clock}.`,
  },
);
