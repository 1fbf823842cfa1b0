import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@agents-crm/api";

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type Binding = Outputs["bindings"]["list"]["items"][number];
export type BindingHealth = Outputs["bindings"]["health"]["items"][number];
export type VerifyResult = Outputs["bindings"]["verify"];
export type DeadLetter = Outputs["inbox"]["listDead"]["items"][number];
export type CreateBindingInput = Inputs["bindings"]["create"];
export type UpdateBindingInput = Inputs["bindings"]["update"];
export type BoundChannel = CreateBindingInput["channelType"];
