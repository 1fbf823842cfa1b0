import type { FakeOpenAI } from "@agents-crm/ai/testing";
import { recordCommands } from "@agents-crm/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs } from "./helpers/auth-fixtures";
import { createAgent, modelAnswer, startFakeLlm } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

// The embedded engine opens in one process, so without Redis no other replica can run a conversation's
// turns: the conversation lease (a conditional write and a delete per turn) is not written. With Redis
// (replicas sharing a database) it is.
const leaseCommands = (calls: { tableName?: string }[]) =>
  calls.filter((call) => call.tableName?.endsWith("leases")).length;

async function oneTurn(deps: ApiDeps) {
  const visitor = callerAs(deps, { kind: "anonymous" });
  const chat = await visitor.chat.start({ agentId: "dr_sole" });
  const sent = await visitor.chat.send({ ...chat, content: "When are you open?" });
  expect(sent.reply?.content).toBe("We open at nine.");
}

describe("web-chat turns on the embedded engine", () => {
  let fake: FakeOpenAI;
  let deps: ApiDeps;

  beforeAll(async () => {
    const llm = await startFakeLlm();
    fake = llm.fake;
    fake.setResponder(() => modelAnswer("We open at nine."));
    deps = await createTestDeps({}, llm.llm);
    await createAgent(deps, "dr_sole");
  });

  afterAll(async () => {
    await closeConversationRuntime(deps);
    await deps.db.close();
    await fake.close();
  });

  it("write no conversation lease when this process is the only one", async () => {
    const commands = recordCommands(deps.db);
    await oneTurn(deps);
    expect(leaseCommands(commands.calls)).toBe(0);
    await oneTurn(deps);
    expect(leaseCommands(commands.calls)).toBe(0);
  });
});
