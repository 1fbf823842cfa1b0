import { defineMessages } from "../define";

export const channels = defineMessages(
  {
    title: "Channels",
  },
  {
    title: "Каналы",
  },
);
