import { defineMessages } from "../define";

export const agents = defineMessages(
  {
    title: "Agents",
  },
  {
    title: "Агенты",
  },
);
