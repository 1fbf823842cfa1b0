import type { ConversationStatus } from "@agents-crm/config/conversations";
import { parseAgentConfig } from "@agents-crm/config/agent-config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { DomainError } from "../src/domain/errors";
import type { StaffContext } from "../src/domain/conversations/staff-context";
import {
  closeConversation,
  customerWrote,
  escalate,
  resolveConversation,
  returnToAi,
  handoff,
  takeOverByReply,
} from "../src/domain/conversations/status-machine";
import {
  acceptsCustomerMessages,
  aiMayAnswer,
  decideTransition,
  REFUSALS,
  STATUS_TRANSITIONS,
  type StatusTransition,
} from "../src/domain/conversations/status-rules";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { agentDocument, createAgent, operator } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

const STATUSES: ConversationStatus[] = [
  "AI_ACTIVE",
  "NEEDS_HUMAN",
  "HUMAN_ACTIVE",
  "RESOLVED",
  "CLOSED",
];

/** Every transition from every status: the new status, "unchanged" (no error), or "refused". */
const EXPECTED: Record<StatusTransition, Record<ConversationStatus, string>> = {
  escalate: {
    AI_ACTIVE: "NEEDS_HUMAN",
    NEEDS_HUMAN: "unchanged",
    HUMAN_ACTIVE: "unchanged",
    RESOLVED: "unchanged",
    CLOSED: "unchanged",
  },
  handoff: {
    AI_ACTIVE: "HUMAN_ACTIVE",
    NEEDS_HUMAN: "HUMAN_ACTIVE",
    HUMAN_ACTIVE: "refused",
    RESOLVED: "HUMAN_ACTIVE",
    CLOSED: "refused",
  },
  takeOverByReply: {
    AI_ACTIVE: "HUMAN_ACTIVE",
    NEEDS_HUMAN: "HUMAN_ACTIVE",
    HUMAN_ACTIVE: "unchanged",
    RESOLVED: "HUMAN_ACTIVE",
    CLOSED: "refused",
  },
  returnToAi: {
    AI_ACTIVE: "refused",
    NEEDS_HUMAN: "AI_ACTIVE",
    HUMAN_ACTIVE: "AI_ACTIVE",
    RESOLVED: "refused",
    CLOSED: "refused",
  },
  resolve: {
    AI_ACTIVE: "RESOLVED",
    NEEDS_HUMAN: "RESOLVED",
    HUMAN_ACTIVE: "RESOLVED",
    RESOLVED: "refused",
    CLOSED: "refused",
  },
  reopen: {
    AI_ACTIVE: "unchanged",
    NEEDS_HUMAN: "unchanged",
    HUMAN_ACTIVE: "unchanged",
    RESOLVED: "AI_ACTIVE",
    CLOSED: "unchanged",
  },
  close: {
    AI_ACTIVE: "CLOSED",
    NEEDS_HUMAN: "CLOSED",
    HUMAN_ACTIVE: "CLOSED",
    RESOLVED: "CLOSED",
    CLOSED: "refused",
  },
};

const CASES = (Object.keys(STATUS_TRANSITIONS) as StatusTransition[]).flatMap((transition) =>
  STATUSES.map((status) => ({ transition, status, expected: EXPECTED[transition][status] })),
);

describe("status rules", () => {
  it("covers every transition in the table", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(STATUS_TRANSITIONS).sort());
  });

  it.each(CASES)("$transition from $status: $expected", ({ transition, status, expected }) => {
    const decision = decideTransition(transition, status);
    if (expected === "refused") {
      expect(decision).toEqual({ outcome: "refused", message: REFUSALS[status] });
    } else if (expected === "unchanged") {
      expect(decision).toEqual({ outcome: "unchanged" });
    } else {
      expect(decision).toEqual({ outcome: "apply", to: expected });
    }
  });

  it("refuses with the words the console shows", () => {
    expect(decideTransition("handoff", "HUMAN_ACTIVE")).toMatchObject({
      message: "Conversation is already handled by a human",
    });
    expect(decideTransition("returnToAi", "AI_ACTIVE")).toMatchObject({
      message: "Conversation is already handled by the AI",
    });
    expect(decideTransition("close", "CLOSED")).toMatchObject({
      message: "Conversation is closed",
    });
    expect(decideTransition("takeOverByReply", "CLOSED")).toMatchObject({
      message: "Conversation is closed",
    });
  });

  it("lets the customer write until the conversation is closed (a resolved one reopens)", () => {
    expect(STATUSES.filter(acceptsCustomerMessages)).toEqual([
      "AI_ACTIVE",
      "NEEDS_HUMAN",
      "HUMAN_ACTIVE",
      "RESOLVED",
    ]);
  });

  it("lets the AI answer while a human is involved only if the agent says so", () => {
    const configWith = (stop: boolean) => {
      const parsed = parseAgentConfig({
        ...agentDocument("dr_rules"),
        handoff: { stop_ai_after_handoff: stop },
      });
      if (!parsed.ok) throw new Error("invalid test agent");
      return parsed.config;
    };
    const answering = (stop: boolean) =>
      STATUSES.filter((status) => aiMayAnswer({ status }, configWith(stop)));
    expect(answering(true)).toEqual(["AI_ACTIVE"]);
    expect(answering(false)).toEqual(["AI_ACTIVE", "NEEDS_HUMAN", "HUMAN_ACTIVE"]);
  });
});

describe("status machine on stored conversations", () => {
  let deps: ApiDeps;
  let ctx: StaffContext;

  beforeAll(async () => {
    deps = await createTestDeps();
    await createAgent(deps, "dr_machine");
    ctx = { deps, requestId: "req-machine", principal: operator };
  });

  afterAll(async () => {
    await closeConversationRuntime(deps);
    await deps.db.close();
  });

  async function conversationIn(status: ConversationStatus) {
    const created = await deps.repos.conversations.create({
      agentId: "dr_machine",
      channel: "web_chat",
    });
    if (status === "AI_ACTIVE") return created;
    return deps.repos.conversations.update(created.conversationId, {
      status,
      handoffReason: "Earlier reason",
    });
  }

  const run: Record<StatusTransition, (conversationId: string) => Promise<unknown>> = {
    escalate: (id) => escalate(deps, id, { reason: "Wants a human", type: "custom" }),
    handoff: (id) => handoff(ctx, { conversationId: id }),
    takeOverByReply: async (id) => {
      const row = await deps.repos.conversations.get(id);
      if (!row) throw new Error("missing");
      return takeOverByReply(deps, row);
    },
    returnToAi: (id) => returnToAi(ctx, { conversationId: id }),
    close: (id) => closeConversation(ctx, { conversationId: id }),
    resolve: (id) => resolveConversation(ctx, { conversationId: id }),
    reopen: async (id) => {
      const row = await deps.repos.conversations.get(id);
      if (!row) throw new Error("missing");
      return customerWrote(deps, row);
    },
  };

  it.each(CASES)(
    "$transition from $status: $expected",
    async ({ transition, status, expected }) => {
      const before = await conversationIn(status);
      const id = before.conversationId;
      const outcome = run[transition](id);
      if (expected === "refused") {
        const error = await outcome.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({ code: "PRECONDITION_FAILED", message: REFUSALS[status] });
      } else {
        await outcome;
      }
      const after = await deps.repos.conversations.get(id);
      const stays = expected === "refused" || expected === "unchanged";
      expect(after?.status).toBe(stays ? status : expected);
      // Nothing changed means nothing written: the row's version is where it was.
      expect(after?.version).toBe(stays ? before.version : before.version + 1);
      // Staff changes and the system's reopen are audited (the reply's own entry records a reply's
      // change), refusals are not.
      const audited = await deps.repos.audit.list({ resourceId: id });
      const staffChange = !stays && transition !== "escalate" && transition !== "takeOverByReply";
      expect(audited.items).toHaveLength(staffChange ? 1 : 0);
    },
  );

  it("records why a conversation waits for a human, and since when", async () => {
    const { conversationId } = await conversationIn("AI_ACTIVE");
    const change = await escalate(deps, conversationId, { reason: "Severe pain", type: "urgent" });
    expect(change.changed).toBe(true);
    expect(change.before.status).toBe("AI_ACTIVE");
    expect(change.after).toMatchObject({
      status: "NEEDS_HUMAN",
      handoffReason: "Severe pain",
      escalationType: "urgent",
    });
    expect(Date.parse(change.after.needsHumanSince ?? "")).toBeGreaterThan(0);
    const back = await returnToAi(ctx, { conversationId });
    expect(back.needsHumanSince).toBeUndefined();
  });

  it("keeps an escalation's reason when a human takes over, or a reply does", async () => {
    const first = await conversationIn("NEEDS_HUMAN");
    expect(await handoff(ctx, { conversationId: first.conversationId })).toMatchObject({
      handoffReason: "Earlier reason",
    });
    const second = await conversationIn("AI_ACTIVE");
    const change = await takeOverByReply(deps, second);
    expect(change.after.handoffReason).toBe("Staff replied");
    const third = await conversationIn("AI_ACTIVE");
    expect(
      await handoff(ctx, { conversationId: third.conversationId, reason: "VIP patient" }),
    ).toMatchObject({ handoffReason: "VIP patient" });
  });
});
