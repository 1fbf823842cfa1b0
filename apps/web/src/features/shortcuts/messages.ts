import { defineMessages } from "~/i18n/define";

export const shortcuts = defineMessages(
  {
    title: "Keyboard shortcuts",
    intro: "They work anywhere in the inbox and a conversation, except while you type in a field.",
    keyColumn: "Key",
    actionColumn: "What it does",
    actions: {
      next: "Next conversation in the list",
      previous: "Previous conversation in the list",
      open: "Open the selected conversation",
      reply: "Write a reply",
      takeOver: "Take over",
      resolve: "Resolve",
      canned: "Write a reply starting with / (canned responses)",
      help: "Show this list",
    },
    hint: "Press ? for keyboard shortcuts",
  },
  {
    title: "Быстрые клавиши",
    intro: "Работают во входящих и в диалоге, кроме моментов, когда вы печатаете в поле.",
    keyColumn: "Клавиша",
    actionColumn: "Что делает",
    actions: {
      next: "Следующий диалог в списке",
      previous: "Предыдущий диалог в списке",
      open: "Открыть выбранный диалог",
      reply: "Написать ответ",
      takeOver: "Взять диалог",
      resolve: "Отметить решённым",
      canned: "Начать ответ с / (шаблоны ответов)",
      help: "Показать этот список",
    },
    hint: "Нажмите ? — список быстрых клавиш",
  },
);
