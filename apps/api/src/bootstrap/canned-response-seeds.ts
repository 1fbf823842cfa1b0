import type { CannedLanguage } from "@agents-crm/config/canned-responses";

/** What a fresh install starts with: the replies a clinic's front desk types most, in English and Russian. */
export const CANNED_RESPONSE_SEEDS: {
  shortcut: string;
  language: CannedLanguage;
  content: string;
}[] = [
  {
    shortcut: "hello",
    language: "en",
    content: "Hello {customer_name}! This is {clinic_name}. How can I help you today?",
  },
  {
    shortcut: "hello",
    language: "ru",
    content: "Здравствуйте, {customer_name}! Это {clinic_name}. Чем могу помочь?",
  },
  {
    shortcut: "book",
    language: "en",
    content:
      "I'd be glad to book you in, {customer_name}. Which day and time suit you best? Please also leave a phone number we can reach you on.",
  },
  {
    shortcut: "book",
    language: "ru",
    content:
      "С радостью запишу вас, {customer_name}. Какой день и время вам удобны? Оставьте, пожалуйста, и номер телефона для связи.",
  },
  {
    shortcut: "callback",
    language: "en",
    content:
      "Thank you! A colleague from {clinic_name} will call you shortly to confirm the details.",
  },
  {
    shortcut: "callback",
    language: "ru",
    content: "Спасибо! Наш администратор из {clinic_name} скоро вам перезвонит и всё уточнит.",
  },
  {
    shortcut: "prices",
    language: "en",
    content:
      "Prices depend on the examination and treatment you need; the doctor confirms the final cost at the consultation. Shall I send you our price list?",
  },
  {
    shortcut: "prices",
    language: "ru",
    content:
      "Стоимость зависит от нужного обследования и лечения; окончательную цену врач называет на консультации. Прислать вам наш прайс-лист?",
  },
  {
    shortcut: "bye",
    language: "en",
    content:
      "Thank you for writing to {clinic_name}, {customer_name}. Take care, and write to us any time.",
  },
  {
    shortcut: "bye",
    language: "ru",
    content:
      "Спасибо, что написали в {clinic_name}, {customer_name}. Берегите себя и пишите нам в любое время.",
  },
];
