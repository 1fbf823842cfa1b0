import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@agents-crm/api";

type Outputs = inferRouterOutputs<AppRouter>;

/** One agent as the editor loads it: record, document, version, warnings and stored issues. */
export type AgentDetails = Outputs["agents"]["byId"];
export type AgentRow = Outputs["agents"]["list"]["items"][number];
