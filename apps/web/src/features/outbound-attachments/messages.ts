import { defineMessages } from "~/i18n/define";

const CHANNEL_EN = { telegram: "Telegram", instagram: "Instagram", whatsapp: "WhatsApp" };
const CHANNEL_RU = { telegram: "Telegram", instagram: "Instagram", whatsapp: "WhatsApp" };
type Platform = keyof typeof CHANNEL_EN;

export const outboundAttachments = defineMessages(
  {
    attach: "Attach a file",
    attachHint: "Images and documents: pick, drop here or paste",
    dropHere: "Drop files to attach them",
    list: "Files to send",
    remove: (name: string) => `Remove ${name}`,
    uploading: (percent: number) => `Uploading… ${percent}%`,
    uploaded: "Ready to send",
    tooMany: (max: number) => `At most ${max} files per message.`,
    tooLarge: (name: string, limit: string, channel: Platform) =>
      `${name} is too large for ${CHANNEL_EN[channel]}: files of this kind go up to ${limit}.`,
    tooLargeStored: (name: string, limit: string) =>
      `${name} is too large: files of this kind go up to ${limit}.`,
    unsupported: (name: string, channel: Platform) =>
      `${CHANNEL_EN[channel]} does not accept this type of file (${name}).`,
    unsupportedStored: (name: string) => `This type of file cannot be sent (${name}).`,
    uploadFailed: (name: string, reason: string) => `${name} was not uploaded: ${reason}`,
    outsideWindow: "Outside the platform's messaging window: the customer has to write first.",
    waitForUploads: "Wait until the files are uploaded.",
  },
  {
    attach: "Прикрепить файл",
    attachHint: "Изображения и документы: выберите, перетащите сюда или вставьте",
    dropHere: "Отпустите файлы, чтобы прикрепить",
    list: "Файлы к отправке",
    remove: (name: string) => `Убрать ${name}`,
    uploading: (percent: number) => `Загрузка… ${percent}%`,
    uploaded: "Готов к отправке",
    tooMany: (max: number) => `Не больше ${max} файлов в одном сообщении.`,
    tooLarge: (name: string, limit: string, channel: Platform) =>
      `${name} слишком большой для ${CHANNEL_RU[channel]}: файлы такого вида — до ${limit}.`,
    tooLargeStored: (name: string, limit: string) =>
      `${name} слишком большой: файлы такого вида — до ${limit}.`,
    unsupported: (name: string, channel: Platform) =>
      `${CHANNEL_RU[channel]} не принимает файлы такого типа (${name}).`,
    unsupportedStored: (name: string) => `Файл такого типа отправить нельзя (${name}).`,
    uploadFailed: (name: string, reason: string) => `${name} не загружен: ${reason}`,
    outsideWindow: "Окно переписки платформы закрыто: клиент должен написать первым.",
    waitForUploads: "Дождитесь загрузки файлов.",
  },
);
