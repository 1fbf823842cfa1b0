import { defineMessages } from "~/i18n/define";

/** Triage and unread: escalation badges, unread marks, the tab title. */
export const triage = defineMessages(
  {
    priorities: {
      urgent: "Urgent",
      medical: "Medical",
      moderation: "Abuse",
      contact: "Booking / contact",
      other: "Other",
    },
    escalationBadge: (label: string) => `Escalation: ${label}`,
    unread: "Unread",
    unreadCount: (count: string) => `${count} unread`,
    customerWrote: "Customer",
  },
  {
    priorities: {
      urgent: "Срочно",
      medical: "Медицина",
      moderation: "Оскорбления",
      contact: "Запись / контакт",
      other: "Другое",
    },
    escalationBadge: (label: string) => `Эскалация: ${label}`,
    unread: "Не прочитано",
    unreadCount: (count: string) => `${count} непрочитанных`,
    customerWrote: "Клиент",
  },
);
