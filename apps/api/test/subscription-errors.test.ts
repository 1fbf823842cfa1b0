import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { newWebToken } from "../src/domain/conversations/web-token";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { subscribe, waitUntil } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;

beforeAll(async () => {
  deps = await createTestDeps();
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

// Regression: a domain error thrown once a subscription's stream is read (after the middleware returned)
// reached WebSocket clients as INTERNAL_SERVER_ERROR; the middleware now maps it as it maps the rest.
it("maps a domain error a subscription's stream throws to its tRPC error", async () => {
  const events = await subscribe(deps, null, (caller) =>
    caller.chat.onEvent({
      conversationId: "00000000-0000-4000-8000-000000000000",
      token: newWebToken().token,
    }),
  );
  await waitUntil(() => events.failure !== null);
  expect(events.failure).toBeInstanceOf(TRPCError);
  expect(events.failure).toMatchObject({ code: "NOT_FOUND", message: "Conversation not found" });
});
