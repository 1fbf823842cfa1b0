import type { AppRouter } from "@agents-crm/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

/** `RouterInputs["conversations"]["list"]`: what a procedure takes. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** `RouterOutputs["conversations"]["list"]`: what it returns. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
