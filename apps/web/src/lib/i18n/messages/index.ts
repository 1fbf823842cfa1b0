import { agents } from "./agents";
import { audit } from "./audit";
import { channels } from "./channels";
import { chat } from "./chat";
import { common } from "./common";
import { conversations } from "./conversations";
import { login } from "./login";
import { notifications } from "./notifications";
import { pipeline } from "./pipeline";
import { playground } from "./playground";
import { stats } from "./stats";
import { users } from "./users";

/** One dictionary per area of the UI; each area's file is edited on its own. */
export const MESSAGES = {
  agents,
  audit,
  channels,
  chat,
  common,
  conversations,
  login,
  notifications,
  pipeline,
  playground,
  stats,
  users,
};

export type Namespace = keyof typeof MESSAGES;
export type MessagesOf<N extends Namespace> = (typeof MESSAGES)[N]["en"];
