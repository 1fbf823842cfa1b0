import { adminRouter } from "./routers/admin";
import { agentsRouter } from "./routers/agents";
import { chatRouter } from "./routers/chat";
import { conversationsRouter } from "./routers/conversations";
import { contactsRouter } from "./routers/contacts";
import { auditRouter } from "./routers/audit";
import { bindingsRouter } from "./routers/bindings";
import { cannedResponsesRouter } from "./routers/canned-responses";
import { channelSettingsRouter } from "./routers/channel-settings";
import { inboxRouter } from "./routers/inbox";
import { knowledgeRouter } from "./routers/knowledge";
import { knowledgeGapsRouter } from "./routers/knowledge-gaps";
import { notificationsRouter } from "./routers/notifications";
import { stagesRouter } from "./routers/stages";
import { statsRouter } from "./routers/stats";
import { authRouter } from "./routers/auth";
import { usersRouter } from "./routers/users";
import { systemRouter } from "./routers/system";
import { router } from "./trpc";

export const appRouter = router({
  system: systemRouter,
  agents: agentsRouter,
  auth: authRouter,
  users: usersRouter,
  audit: auditRouter,
  bindings: bindingsRouter,
  cannedResponses: cannedResponsesRouter,
  channelSettings: channelSettingsRouter,
  inbox: inboxRouter,
  knowledgeGaps: knowledgeGapsRouter,
  knowledge: knowledgeRouter,
  notifications: notificationsRouter,
  stages: stagesRouter,
  stats: statsRouter,
  chat: chatRouter,
  conversations: conversationsRouter,
  contacts: contactsRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
