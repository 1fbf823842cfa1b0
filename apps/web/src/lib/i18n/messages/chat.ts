import { defineMessages } from "../define";

export const chat = defineMessages(
  {
    title: "Chat",
  },
  {
    title: "Чат",
  },
);
