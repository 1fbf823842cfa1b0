import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@agents-crm/api";

export type AuditEntry = inferRouterOutputs<AppRouter>["audit"]["list"]["items"][number];
export type AuditListInput = NonNullable<inferRouterInputs<AppRouter>["audit"]["list"]>;
