import { defineMessages } from "../define";

export const conversations = defineMessages(
  {
    title: "Conversations",
  },
  {
    title: "Диалоги",
  },
);
