import { defineMessages } from "../define";

export const audit = defineMessages(
  {
    title: "Audit log",
  },
  {
    title: "Журнал действий",
  },
);
