import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import type { TurnOutput } from "../src/domain/turns/commit-reply";
import { ticketedTurn } from "../src/domain/turns/ticketed-turn";
import { createTurnLanes } from "../src/domain/turns/turn-lanes";
import { createWebTurnTickets } from "../src/domain/turns/web-turn-tickets";
import { silentLogger } from "../src/logger";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { createTestDeps } from "./helpers/test-api";

// Regression: at the shutdown deadline a web turn already writing its reply was given 500 ms, then its
// item was given back to the inbox while the reply was still being written (a loaded machine takes
// longer). The next process then found the message unanswered and answered it again, or the item sat
// queued; the reply's own "done" was lost, as the item was no longer held.

let deps: ApiDeps;

beforeAll(async () => {
  deps = await createTestDeps();
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("stopping with a web turn that is writing its reply", () => {
  it("lets the turn finish and completes its item instead of giving it back", async () => {
    const turns = createTurnLanes();
    const tickets = createWebTurnTickets({ ...deps, turns, log: silentLogger });
    const conversation = await deps.repos.conversations.create({
      agentId: "writer",
      channel: "web_chat",
    });
    const ticket = await tickets.open(conversation);
    const message = await deps.repos.messages.append({
      conversationId: conversation.conversationId,
      agentId: "writer",
      role: "user",
      content: "Hello?",
      channel: "web_chat",
      metadata: { inboxEventKey: ticket.key },
    });
    let written = () => {};
    const writing = new Promise<void>((resolve) => (written = resolve));
    let committed = () => {};
    const started = new Promise<void>((resolve) => (committed = resolve));
    const turn = turns.submit(
      conversation.conversationId,
      { message, windowMs: 0 },
      ticketedTurn(tickets, conversation, async (_batch, handle): Promise<TurnOutput> => {
        expect(handle.commit()).toBe(true);
        committed();
        await writing;
        return { reply: null, conversation };
      }),
    );
    await started;

    const stopped = tickets.stop(Date.now());
    // Longer than the old grace period: the reply is still being written.
    await sleep(800);
    const meanwhile = await deps.repos.inboundEvents.get(ticket.key);
    expect(meanwhile?.status).toBe("processing");
    expect(meanwhile?.leaseOwner).toBe(tickets.owner);

    written();
    await turn;
    await stopped;
    await deps.work.drain();
    expect((await deps.repos.inboundEvents.get(ticket.key))?.status).toBe("done");
    expect(await deps.repos.inboundEvents.countQueued()).toBe(0);
  });
});
