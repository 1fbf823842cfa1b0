import { defineMessages } from "../define";

export const users = defineMessages(
  {
    title: "Users",
  },
  {
    title: "Пользователи",
  },
);
