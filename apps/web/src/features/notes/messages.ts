import { defineMessages } from "~/i18n/define";

/** Staff-only notes on the conversation page, @mentions and their alerts. */
export const notes = defineMessages(
  {
    mode: {
      label: "Write",
      reply: "Reply",
      note: "Internal note",
    },
    composer: {
      label: "Internal note (only staff see it)",
      placeholder: "A note for colleagues; type @ to mention someone. The customer never sees it.",
      hint: "Only staff see notes: never the customer, never the AI.",
      add: "Add note",
      adding: "Adding…",
      notAdded: (error: string) => `Note not added: ${error}`,
    },
    mentions: {
      label: "Mention a colleague",
      none: "No colleague by that name",
    },
    card: {
      badge: "Internal note",
      edited: "edited",
      edit: "Edit",
      delete: "Delete",
      save: "Save",
      cancel: "Cancel",
      confirmDelete: "Delete this note?",
      yesDelete: "Delete",
      deleted: (author: string) => `${author} deleted a note`,
      failed: (error: string) => `Not saved: ${error}`,
      editLabel: "Edit the note",
    },
    alert: {
      title: (author: string) => `${author} mentioned you in a note`,
      dismiss: "Dismiss",
    },
  },
  {
    mode: {
      label: "Написать",
      reply: "Ответ",
      note: "Заметка",
    },
    composer: {
      label: "Внутренняя заметка (видят только сотрудники)",
      placeholder: "Заметка для коллег; @ — упомянуть коллегу. Клиент её никогда не увидит.",
      hint: "Заметки видят только сотрудники: ни клиент, ни ИИ.",
      add: "Добавить заметку",
      adding: "Добавляю…",
      notAdded: (error: string) => `Заметка не добавлена: ${error}`,
    },
    mentions: {
      label: "Упомянуть коллегу",
      none: "Нет коллеги с таким именем",
    },
    card: {
      badge: "Заметка",
      edited: "изменено",
      edit: "Изменить",
      delete: "Удалить",
      save: "Сохранить",
      cancel: "Отмена",
      confirmDelete: "Удалить заметку?",
      yesDelete: "Удалить",
      deleted: (author: string) => `${author} удалил(а) заметку`,
      failed: (error: string) => `Не сохранено: ${error}`,
      editLabel: "Изменить заметку",
    },
    alert: {
      title: (author: string) => `${author} упоминает вас в заметке`,
      dismiss: "Закрыть",
    },
  },
);
