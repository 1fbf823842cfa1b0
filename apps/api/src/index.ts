// What other workspaces may import: the router's type (apps/web) and the server factory (scripts, tests).
export type { AppRouter } from "./router";
export { appRouter } from "./router";
export { createApiServer, type ApiServer } from "./server/http-server";
