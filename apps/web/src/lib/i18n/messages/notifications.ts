import { defineMessages } from "../define";

export const notifications = defineMessages(
  {
    title: "Notifications",
  },
  {
    title: "Уведомления",
  },
);
