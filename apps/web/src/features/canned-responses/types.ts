import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@agents-crm/api";

export type CannedResponseRow =
  inferRouterOutputs<AppRouter>["cannedResponses"]["list"]["items"][number];
