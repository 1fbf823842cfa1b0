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
    code: {
      useCode: "E-mail me a code instead",
      usePassword: "Sign in with a password instead",
      intro: "We will e-mail you a 6-digit code to sign in with.",
      send: "E-mail me a code",
      sending: "Sending…",
      sent: (email: string, minutes: number) =>
        `If ${email} has an account, a code is on its way. It works once, within ${minutes} minutes.`,
      code: "Code from the e-mail",
      submit: "Sign in",
      submitting: "Signing in…",
      resend: "Send a new code",
      changeEmail: "Use another e-mail",
      problems: {
        throttled: "Too many attempts.",
        invalid: "The code is wrong or has expired. Check the latest e-mail, or send a new code.",
        missing: "Enter your e-mail, and the 6 digits of the code.",
        mailUnavailable:
          "E-mail cannot be sent right now. Try again later, or sign in with your password.",
        unavailable: "Could not sign in right now. Please try again.",
      },
    },
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
    code: {
      useCode: "Прислать код на почту",
      usePassword: "Войти по паролю",
      intro: "Мы пришлём на почту 6-значный код для входа.",
      send: "Прислать код",
      sending: "Отправка…",
      sent: (email: string, minutes: number) =>
        `Если у ${email} есть учётная запись, код уже в пути. Он действует один раз в течение ${minutes} мин.`,
      code: "Код из письма",
      submit: "Войти",
      submitting: "Вход…",
      resend: "Прислать новый код",
      changeEmail: "Другая почта",
      problems: {
        throttled: "Слишком много попыток.",
        invalid: "Код неверный или устарел. Проверьте последнее письмо или запросите новый код.",
        missing: "Введите почту и 6 цифр кода.",
        mailUnavailable:
          "Сейчас письмо отправить не получается. Попробуйте позже или войдите по паролю.",
        unavailable: "Сейчас войти не получается. Попробуйте ещё раз.",
      },
    },
  },
);
