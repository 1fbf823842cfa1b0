import { defineMessages } from "~/i18n/define";

/** Who handles a conversation: the inbox views, the badges, the assign control and its alerts. */
export const assignment = defineMessages(
  {
    views: {
      label: "Whose conversations",
      mine: "Mine",
      unassigned: "Unassigned",
      all: "All",
      countTitle: "Open conversations",
    },
    handledBy: (name: string) => `${name} handles it`,
    handledByYou: "You handle it",
    assignedTo: (name: string) => `Assigned: ${name}`,
    assignedToYou: "Assigned: you",
    formerStaff: "a former colleague",
    control: {
      title: "Assigned to",
      nobody: "Nobody",
      you: (name: string) => `${name} (you)`,
      failed: (error: string) => `Not assigned: ${error}`,
    },
    alert: {
      title: (actor: string) => `${actor} assigned a conversation to you`,
      colleague: "A colleague",
      stillWaitingForYou: (minutes: number) => `Still waiting — assigned to you (${minutes} min)`,
      stillWaitingFor: (name: string, minutes: number) =>
        `Still waiting — assigned to ${name} (${minutes} min)`,
      open: "Open the conversation",
      dismiss: "Dismiss",
    },
  },
  {
    views: {
      label: "Чьи диалоги",
      mine: "Мои",
      unassigned: "Без ответственного",
      all: "Все",
      countTitle: "Открытые диалоги",
    },
    handledBy: (name: string) => `Ведёт ${name}`,
    handledByYou: "Ведёте вы",
    assignedTo: (name: string) => `Ответственный: ${name}`,
    assignedToYou: "Ответственный: вы",
    formerStaff: "бывший сотрудник",
    control: {
      title: "Ответственный",
      nobody: "Никто",
      you: (name: string) => `${name} (вы)`,
      failed: (error: string) => `Не назначено: ${error}`,
    },
    alert: {
      title: (actor: string) => `${actor} назначил(а) вам диалог`,
      colleague: "Коллега",
      stillWaitingForYou: (minutes: number) => `Всё ещё ждёт — назначен вам (${minutes} мин)`,
      stillWaitingFor: (name: string, minutes: number) =>
        `Всё ещё ждёт — ответственный ${name} (${minutes} мин)`,
      open: "Открыть диалог",
      dismiss: "Закрыть",
    },
  },
);
