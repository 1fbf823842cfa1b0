import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@agents-crm/api";

export type PlaygroundInput = inferRouterInputs<AppRouter>["agents"]["playground"];
export type PlaygroundResult = inferRouterOutputs<AppRouter>["agents"]["playground"];
export type PlaygroundChannel = PlaygroundResult["channel"];
