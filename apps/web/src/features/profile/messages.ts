import { defineMessages } from "~/i18n/define";

export const profile = defineMessages(
  {
    title: "Your profile",
    intro: "Your account in this console. Your role is set by an owner or admin on the Users page.",
    account: { name: "Name", email: "Email", role: "Role" },
    password: {
      title: "Change password",
      hint: "You stay signed in here; every other browser or device signed in as you is signed out.",
      current: "Current password",
      next: "New password",
      nextHint: (min: number) => `At least ${min} characters.`,
      confirm: "New password again",
      show: "Show passwords",
      submit: "Change password",
      submitting: "Changing…",
      changed: (others: number) =>
        others === 0
          ? "Your password was changed."
          : others === 1
            ? "Your password was changed. 1 other session was signed out."
            : `Your password was changed. ${others} other sessions were signed out.`,
      problems: {
        required: "Enter your current password.",
        tooShort: (min: number) => `At least ${min} characters.`,
        tooLong: (max: number) => `At most ${max} characters.`,
        mismatch: "The two new passwords differ.",
        sameAsCurrent: "Choose a password different from the current one.",
        wrongCurrent: "This is not your current password.",
        throttled: "Too many wrong passwords.",
      },
      retryInSeconds: (seconds: number) => `Try again in ${seconds} s.`,
      retryInMinutes: (clock: string) => `Try again in ${clock}.`,
    },
  },
  {
    title: "Ваш профиль",
    intro:
      "Ваша учётная запись в консоли. Роль назначает владелец или администратор на странице «Пользователи».",
    account: { name: "Имя", email: "Email", role: "Роль" },
    password: {
      title: "Смена пароля",
      hint: "Здесь вы останетесь в системе; все другие браузеры и устройства, где выполнен вход под вами, будут разлогинены.",
      current: "Текущий пароль",
      next: "Новый пароль",
      nextHint: (min: number) => `Не менее ${min} символов.`,
      confirm: "Новый пароль ещё раз",
      show: "Показать пароли",
      submit: "Сменить пароль",
      submitting: "Смена…",
      changed: (others: number) =>
        others === 0 ? "Пароль изменён." : `Пароль изменён. Завершено других сеансов: ${others}.`,
      problems: {
        required: "Введите текущий пароль.",
        tooShort: (min: number) => `Не менее ${min} символов.`,
        tooLong: (max: number) => `Не более ${max} символов.`,
        mismatch: "Новые пароли не совпадают.",
        sameAsCurrent: "Новый пароль должен отличаться от текущего.",
        wrongCurrent: "Это не ваш текущий пароль.",
        throttled: "Слишком много неверных паролей.",
      },
      retryInSeconds: (seconds: number) => `Повторите через ${seconds} с.`,
      retryInMinutes: (clock: string) => `Повторите через ${clock}.`,
    },
  },
);
