import { defineMessages } from "../define";

export const playground = defineMessages(
  {
    title: "Playground",
  },
  {
    title: "Песочница",
  },
);
