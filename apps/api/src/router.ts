import { agentsRouter } from "./routers/agents";
import { auditRouter } from "./routers/audit";
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
});

export type AppRouter = typeof appRouter;
