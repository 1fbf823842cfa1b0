import type { ChannelSettingName } from "@agents-crm/config/channel-settings";
import { defineMessages } from "~/i18n/define";

type Names = Record<ChannelSettingName, string>;

export const channelSettings = defineMessages(
  {
    title: "Channel settings",
    intro:
      "Secrets your Instagram, WhatsApp and Twilio webhooks are checked with. Values are stored encrypted and never shown again. An environment variable, when set on the server, wins over what is saved here.",
    loading: "Loading channel settings…",
    loadFailed: "Could not load channel settings.",
    names: {
      instagram_app_secret: "Instagram app secret",
      instagram_verify_token: "Instagram verify token",
      whatsapp_app_secret: "WhatsApp app secret",
      whatsapp_verify_token: "WhatsApp verify token",
      twilio_account_sid: "Twilio account SID",
      twilio_auth_token: "Twilio auth token",
    } satisfies Names,
    source: {
      env: (variable: string) => `In effect: environment variable ${variable}`,
      console: "In effect: saved in the console",
      none: "Not set",
      shadowed: "A value saved here is kept but not used while the variable is set.",
    },
    value: "New value",
    valueHint: "Paste the value; it will not be shown again.",
    save: "Save",
    saving: "Saving…",
    clear: "Remove saved value",
    saved: "Saved.",
    cleared: "Removed.",
    saveFailed: "Could not save. Please try again.",
    problems: {
      empty: "Enter a value.",
      tooLong: (maximum: number) => `Too long: at most ${maximum} characters.`,
      spaces: "Use only letters, digits and symbols, without spaces.",
      accountSid: "A Twilio account SID is AC followed by 32 characters: letters a–f and digits.",
      refused: "The server did not accept this value. Check it and paste it again.",
    },
  },
  {
    title: "Настройки каналов",
    intro:
      "Секреты, которыми проверяются вебхуки Instagram, WhatsApp и Twilio. Значения хранятся зашифрованными и больше не показываются. Переменная окружения на сервере, если задана, важнее сохранённого здесь.",
    loading: "Загрузка настроек каналов…",
    loadFailed: "Не удалось загрузить настройки каналов.",
    names: {
      instagram_app_secret: "Секрет приложения Instagram",
      instagram_verify_token: "Токен подтверждения Instagram",
      whatsapp_app_secret: "Секрет приложения WhatsApp",
      whatsapp_verify_token: "Токен подтверждения WhatsApp",
      twilio_account_sid: "SID аккаунта Twilio",
      twilio_auth_token: "Auth token Twilio",
    } satisfies Names,
    source: {
      env: (variable: string) => `Действует: переменная окружения ${variable}`,
      console: "Действует: сохранено в консоли",
      none: "Не задано",
      shadowed: "Сохранённое здесь значение хранится, но не используется, пока задана переменная.",
    },
    value: "Новое значение",
    valueHint: "Вставьте значение; оно больше не будет показано.",
    save: "Сохранить",
    saving: "Сохранение…",
    clear: "Удалить сохранённое",
    saved: "Сохранено.",
    cleared: "Удалено.",
    saveFailed: "Не удалось сохранить. Попробуйте ещё раз.",
    problems: {
      empty: "Введите значение.",
      tooLong: (maximum: number) => `Слишком длинно: не больше ${maximum} символов.`,
      spaces: "Используйте только буквы, цифры и символы, без пробелов.",
      accountSid: "SID аккаунта Twilio — это AC и ещё 32 символа: буквы a–f и цифры.",
      refused: "Сервер не принял это значение. Проверьте его и вставьте ещё раз.",
    },
  },
);
