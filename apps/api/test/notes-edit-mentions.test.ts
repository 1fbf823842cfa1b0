import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { ADMIN_STREAM, type RealtimeEvent } from "../src/realtime/types";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createAgent } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
let anna: Staff;
let vera: Staff;
const as = (who: Staff) => callerAs(deps, who, { requestId: `req-${who.id}` });
const visitor = () => callerAs(deps, { kind: "anonymous" });

beforeAll(async () => {
  deps = await createTestDeps();
  await createAgent(deps, "dr_note_edits");
  anna = principalOf(await seedUser(deps, { role: "operator", name: "Anna" }));
  await seedUser(deps, { role: "operator", name: "Boris" });
  vera = principalOf(await seedUser(deps, { role: "operator", name: "Vera" }));
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

describe("mentions added by editing a note", () => {
  it("tell only colleagues the note never told before, however often it is rewritten", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_note_edits" });
    const { message } = await as(anna).conversations.addNote({
      conversationId: chat.conversationId,
      content: "@Boris please call back",
    });
    const ref = { conversationId: chat.conversationId, messageId: message.messageId };
    const told: string[][] = [];
    const unsubscribe = deps.hub.subscribe(ADMIN_STREAM, (event: RealtimeEvent) => {
      if (event.type === "message.updated") {
        told.push((event.payload as { mentioned?: string[] }).mentioned ?? []);
      }
    });
    await as(anna).conversations.updateNote({ ...ref, content: "please call back" });
    await as(anna).conversations.updateNote({ ...ref, content: "@Boris please call back" });
    await as(anna).conversations.updateNote({ ...ref, content: "@Boris @Vera please call back" });
    unsubscribe();
    // Boris heard of the note when it was added: taking him out and back in tells him nothing new.
    expect(told).toEqual([[], [], [vera.id]]);
  });
});
