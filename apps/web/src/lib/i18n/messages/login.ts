import { defineMessages } from "../define";

export const login = defineMessages(
  {
    title: "Sign in",
  },
  {
    title: "Вход",
  },
);
