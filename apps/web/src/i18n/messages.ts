import { agents } from "~/features/agents/messages";
import { assignment } from "~/features/assignment/messages";
import { attachments } from "~/features/attachments/messages";
import { audit } from "~/features/audit/messages";
import { cannedResponses } from "~/features/canned-responses/messages";
import { channels } from "~/features/channels/messages";
import { chat } from "~/features/chat/messages";
import { contacts } from "~/features/contacts/messages";
import { common } from "./common-messages";
import { copilot } from "~/features/copilot/messages";
import { conversations } from "~/features/inbox/messages";
import { knowledgeGaps } from "~/features/knowledge-gaps/messages";
import { knowledgeLibrary } from "~/features/knowledge-library/messages";
import { modelProblems } from "~/features/model-problems/messages";
import { login } from "~/features/login/messages";
import { notifications } from "~/features/notifications/messages";
import { channelSettings } from "~/features/channel-settings/messages";
import { notes } from "~/features/notes/messages";
import { outboundAttachments } from "~/features/outbound-attachments/messages";
import { pipeline } from "~/features/pipeline/messages";
import { profile } from "~/features/profile/messages";
import { resolve } from "~/features/resolve/messages";
import { shortcuts } from "~/features/shortcuts/messages";
import { playground } from "~/features/playground/messages";
import { stats } from "~/features/stats/messages";
import { triage } from "~/features/triage/messages";
import { users } from "~/features/users/messages";

/** One dictionary per area of the UI; each area's file is edited on its own. */
export const MESSAGES = {
  agents,
  assignment,
  attachments,
  audit,
  cannedResponses,
  channels,
  chat,
  common,
  contacts,
  conversations,
  knowledgeGaps,
  knowledgeLibrary,
  copilot,
  login,
  modelProblems,
  notes,
  notifications,
  channelSettings,
  outboundAttachments,
  pipeline,
  playground,
  profile,
  resolve,
  shortcuts,
  stats,
  triage,
  users,
};

export type Namespace = keyof typeof MESSAGES;
export type MessagesOf<N extends Namespace> = (typeof MESSAGES)[N]["en"];
