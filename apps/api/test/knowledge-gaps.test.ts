import { MAX_GAP_EXAMPLES, MAX_GAP_GROUPS_PER_AGENT } from "@agents-crm/config/knowledge-gaps";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import type { ApiDeps } from "../src/deps";
import { recordKnowledgeGap } from "../src/domain/knowledge-gaps/record-gap";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs } from "./helpers/auth-fixtures";
import { agentDocument } from "./helpers/chat-kit";
import { auditOf, createStaffDeps, failure } from "./helpers/router-kit";

let deps: ApiDeps;
let admin: Staff;
let operator: Staff;
const visitor = () => callerAs(deps, { kind: "anonymous" });

// The hashed offline embedder scores unrelated short texts up to ~0.22; a clinic tunes the threshold.
const KNOWLEDGE = {
  rag: {
    enabled: true,
    retrieval: { score_threshold: 0.25 },
    sources: [
      {
        id: "parking",
        title: "Parking",
        content: "Parking: patients park free for two hours in the garage on Elm Road.",
      },
      { id: "hours", title: "Opening hours", content: "Opening hours: Monday to Friday, 9 to 18." },
    ],
  },
};

beforeAll(async () => {
  ({ deps, admin, operator } = await createStaffDeps());
  const caller = callerAs(deps, admin);
  await caller.agents.create({ agentId: "dr_gaps", config: agentDocument("dr_gaps", KNOWLEDGE) });
  await caller.agents.create({ agentId: "dr_plain", config: agentDocument("dr_plain") });
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

/** One web-chat question in a new conversation; the gap (if any) is recorded once the reply is out. */
async function ask(agentId: string, content: string): Promise<string> {
  const { conversationId, token } = await visitor().chat.start({ agentId });
  const out = await visitor().chat.send({ conversationId, token, content });
  expect(out.reply?.role).toBe("agent");
  await deps.work.drain();
  return conversationId;
}

const list = (agentId: string, limit?: number, cursor?: string | null) =>
  callerAs(deps, admin).knowledgeGaps.list({ agentId, limit, cursor });

describe("knowledge gaps from web-chat turns", () => {
  it("a question the knowledge covers leaves no gap; one it does not is recorded with its conversation", async () => {
    await ask("dr_gaps", "Where can I park my car?");
    expect((await list("dr_gaps")).items).toEqual([]);

    const conversationId = await ask("dr_gaps", "Do you do dental implants?");
    const { items, nextCursor } = await list("dr_gaps");
    expect(nextCursor).toBeNull();
    expect(items).toEqual([
      {
        agentId: "dr_gaps",
        groupId: expect.any(String) as string,
        question: "Do you do dental implants?",
        count: 1,
        firstSeenAt: expect.any(String) as string,
        lastSeenAt: expect.any(String) as string,
        examples: [
          {
            question: "Do you do dental implants?",
            conversationId,
            channel: "web_chat",
            reason: "no_knowledge",
            at: expect.any(String) as string,
          },
        ],
      },
    ]);
    expect(JSON.stringify(items)).not.toContain("version");
  });

  it("groups rephrasings of one question, counts them and keeps a few examples", async () => {
    await ask("dr_gaps", "dental implants price?");
    await ask("dr_gaps", "How much do DENTAL IMPLANTS cost");
    await ask("dr_gaps", "Do you do teeth whitening?");
    await ask("dr_gaps", "Hello!");
    await ask("dr_gaps", "dental implant for my father?");
    const { items } = await list("dr_gaps");
    expect(items.map((g) => [g.question, g.count])).toEqual([
      ["Do you do dental implants?", 4],
      ["Do you do teeth whitening?", 1],
    ]);
    expect(items[0]?.examples).toHaveLength(MAX_GAP_EXAMPLES);
    expect(items[0]?.examples[0]?.question).toBe("dental implant for my father?");
  });

  it("agents without a knowledge base record nothing", async () => {
    await ask("dr_plain", "Do you do dental implants?");
    expect((await list("dr_plain")).items).toEqual([]);
  });

  it("trying a draft in the playground records nothing", async () => {
    const before = (await list("dr_gaps")).items;
    await callerAs(deps, admin).agents.playground({
      agentId: "dr_gaps",
      config: agentDocument("dr_gaps", KNOWLEDGE),
      message: "Do you offer orthodontic braces?",
    });
    await deps.work.drain();
    expect((await list("dr_gaps")).items).toEqual(before);
  });
});

describe("recording under load", () => {
  it("counts every occurrence when the same question arrives at once", async () => {
    const occurrence = (n: number) => ({
      agentId: "dr_race",
      example: {
        question: "Do you have a wheelchair ramp?",
        conversationId: `c-${n}`,
        channel: "telegram",
        reason: "no_knowledge" as const,
        at: new Date(Date.now() + n).toISOString(),
      },
    });
    await Promise.all([0, 1, 2, 3].map((n) => recordKnowledgeGap(deps, occurrence(n))));
    expect((await list("dr_race")).items.map((g) => g.count)).toEqual([4]);
  });

  it(`keeps at most ${MAX_GAP_GROUPS_PER_AGENT} groups: a new one replaces the least recently asked`, async () => {
    const start = Date.now() - 2 * 24 * 3600 * 1000;
    for (let n = 0; n < MAX_GAP_GROUPS_PER_AGENT; n++) {
      const at = new Date(start + n * 60_000).toISOString();
      await deps.repos.knowledgeGaps.create({
        agentId: "dr_full",
        groupId: `group-${n}`,
        question: `topic${n}`,
        count: 1,
        firstSeenAt: at,
        lastSeenAt: at,
        examples: [],
      });
    }
    await recordKnowledgeGap(deps, {
      agentId: "dr_full",
      example: {
        question: "Do you sell gift vouchers?",
        conversationId: "c-full",
        channel: "whatsapp",
        reason: "fallback",
        at: new Date().toISOString(),
      },
    });
    const all = await deps.repos.knowledgeGaps.listAll("dr_full");
    expect(all).toHaveLength(MAX_GAP_GROUPS_PER_AGENT);
    expect(all.some((g) => g.groupId === "group-0")).toBe(false);
    expect(all.some((g) => g.question === "Do you sell gift vouchers?")).toBe(true);
  });
});

describe("knowledgeGaps.list and dismiss", () => {
  it("pages with a cursor", async () => {
    const first = await list("dr_full", 60);
    expect(first.items).toHaveLength(60);
    const second = await list("dr_full", 60, first.nextCursor);
    expect(second.items).toHaveLength(40);
    expect(second.nextCursor).toBeNull();
    expect((await failure(list("dr_gaps", 10, first.nextCursor))).code).toBe("BAD_REQUEST");
  });

  it("dismisses a group (audited); it is gone, and a second dismiss is NOT_FOUND", async () => {
    const [group] = (await list("dr_gaps")).items;
    const caller = callerAs(deps, admin);
    expect(
      await caller.knowledgeGaps.dismiss({ agentId: "dr_gaps", groupId: group!.groupId }),
    ).toEqual({ dismissed: true });
    expect((await list("dr_gaps")).items.map((g) => g.groupId)).not.toContain(group!.groupId);
    const [entry] = await auditOf(deps, "dr_gaps");
    expect(entry).toMatchObject({
      action: "knowledge_gap.dismiss",
      actorId: admin.id,
      oldValue: { question: group!.question, count: group!.count },
      metadata: { groupId: group!.groupId },
    });
    const again = caller.knowledgeGaps.dismiss({ agentId: "dr_gaps", groupId: group!.groupId });
    expect((await failure(again)).code).toBe("NOT_FOUND");
  });

  it("is for owners and admins, not operators", async () => {
    const call = callerAs(deps, operator).knowledgeGaps.list({ agentId: "dr_gaps" });
    expect((await failure(call)).code).toBe("FORBIDDEN");
  });

  it("refuses malformed input with a 400 naming the field", async () => {
    const bad = callerAs(deps, admin).knowledgeGaps.list({ agentId: "no spaces!", limit: 1000 });
    expect(await failure(bad)).toMatchObject({ code: "BAD_REQUEST", paths: ["agentId", "limit"] });
  });
});
