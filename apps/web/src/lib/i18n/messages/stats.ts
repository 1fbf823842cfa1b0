import { defineMessages } from "../define";

export const stats = defineMessages(
  {
    title: "Statistics",
  },
  {
    title: "Статистика",
  },
);
