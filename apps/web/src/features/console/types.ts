import type { inferRouterOutputs, inferSubscriptionOutput } from "@trpc/server";
import type { AppRouter } from "@agents-crm/api";

type Outputs = inferRouterOutputs<AppRouter>;

/** A conversation row as staff see it (full row; the admin stream always sends full rows). */
export type ConversationRow = Outputs["conversations"]["list"]["items"][number];
export type ConversationStatus = ConversationRow["status"];
export type Channel = ConversationRow["channel"];
export type ConversationDetails = Outputs["conversations"]["byId"];
export type TranscriptMessage = Outputs["conversations"]["messages"]["items"][number];
export type SignedInUser = NonNullable<Outputs["auth"]["me"]["user"]>;
export type StaffRole = SignedInUser["role"];
export type PipelineStage = Outputs["stages"]["list"]["items"][number];
export type AgentListItem = Outputs["agents"]["list"]["items"][number];

/** One item of `admin.onEvent`: the tracked id and `{ type, payload, at }`. */
export type TrackedAdminEvent = inferSubscriptionOutput<AppRouter["admin"]["onEvent"]>;
export type AdminEvent = TrackedAdminEvent["data"];
