import { defineMessages } from "../define";

export const pipeline = defineMessages(
  {
    title: "Pipeline",
  },
  {
    title: "Воронка",
  },
);
