import type { AppRouter } from "@agents-crm/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

export type ChatHistoryPage = Outputs["chat"]["history"];
/** A message as the visitor sees it (no metadata, no author). */
export type ChatMessage = ChatHistoryPage["items"][number];
export type ConversationStatus = ChatHistoryPage["status"];
export type SendResult = Outputs["chat"]["send"];
export type AgentCard = Outputs["agents"]["cards"]["items"][number];

/** One item of `chat.onEvent`: `{ id, data }`, where `id` is the resume point after this event. */
export type TrackedChatEvent =
  Outputs["chat"]["onEvent"] extends AsyncIterable<infer T> ? T : never;
export type ChatEvent = TrackedChatEvent["data"];
export type StatusNotice = Extract<ChatEvent, { type: "status" }>["payload"]["notice"];

/** What the browser keeps to come back to its own conversation (and nobody else's). */
export interface ChatSession {
  conversationId: string;
  token: string;
}
