import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs } from "./helpers/auth-fixtures";
import { agentDocument } from "./helpers/chat-kit";
import { buildPdf } from "@agents-crm/config/testing/pdf-fixture";
import { auditOf, createStaffDeps, failure } from "./helpers/router-kit";

let deps: ApiDeps;
let admin: Staff;
let operator: Staff;

const INLINE = {
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
  await caller.agents.create({ agentId: "dr_lib", config: agentDocument("dr_lib") });
  await caller.agents.create({ agentId: "dr_inline", config: agentDocument("dr_inline", INLINE) });
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

const retrieve = (agentId: string, query: string) =>
  deps.knowledge.retrieve({ agentId, query, topK: 3, scoreThreshold: 0.2 });

const WHITENING =
  "Teeth whitening costs 250 euros per session. The whitening session takes one hour and uses a gentle gel.";

describe("the knowledge library", () => {
  it("a text document is indexed in the background: chunks carry its id and retrieval finds it", async () => {
    const caller = callerAs(deps, admin);
    const created = await caller.knowledge.create({
      agentId: "dr_lib",
      folder: " Prices / 2026 ",
      title: "Whitening",
      text: WHITENING,
    });
    expect(created).toMatchObject({ folder: "Prices/2026", state: "queued", sendable: false });
    await deps.work.drain();
    const [listed] = await callerAs(deps, operator).knowledge.list({ agentId: "dr_lib" });
    expect(listed).toMatchObject({ state: "ready", progress: 100, chunkCount: 1 });
    const chunks = await deps.repos.ragChunks.loadAll("dr_lib");
    expect(chunks.map((c) => c.metadata?.documentId)).toEqual([created.documentId]);
    const found = await retrieve("dr_lib", "How much is teeth whitening?");
    expect(found.sources[0]).toMatchObject({ documentId: created.documentId, sendable: false });
    expect(await callerAs(deps, operator).knowledge.folders({ agentId: "dr_lib" })).toEqual({
      folders: [
        { path: "Prices", documents: 1 },
        { path: "Prices/2026", documents: 1 },
      ],
    });
    expect(
      await callerAs(deps, operator).knowledge.list({ agentId: "dr_lib", folder: "Prices" }),
    ).toEqual([]);
    const audit = (await auditOf(deps, "dr_lib")).find((e) => e.action === "knowledge.create");
    expect(audit?.newValue).toMatchObject({ title: "Whitening" });
  });

  it("renaming re-indexes (the title is embedded); moving does not; reindex replaces the chunks", async () => {
    const caller = callerAs(deps, admin);
    const [doc] = await caller.knowledge.list({ agentId: "dr_lib" });
    const moved = await caller.knowledge.update({
      agentId: "dr_lib",
      documentId: doc!.documentId,
      folder: "Archive",
    });
    expect(moved).toMatchObject({ folder: "Archive", state: "ready" });
    const renamed = await caller.knowledge.update({
      agentId: "dr_lib",
      documentId: doc!.documentId,
      title: "Whitening prices",
    });
    expect(renamed.state).toBe("queued");
    await deps.work.drain();
    const chunks = await deps.repos.ragChunks.loadAll("dr_lib");
    expect(chunks.map((c) => c.title)).toEqual(["Whitening prices"]);
    await caller.knowledge.reindex({ agentId: "dr_lib", documentId: doc!.documentId });
    await deps.work.drain();
    expect(await deps.repos.ragChunks.countByAgent("dr_lib")).toBe(1);
  });

  it("an operator reads but cannot change the library; hostile input is a clear 4xx", async () => {
    const code = async (call: Promise<unknown>) => (await failure(call)).code;
    const op = callerAs(deps, operator);
    expect(await code(op.knowledge.create({ agentId: "dr_lib", title: "x", text: "y" }))).toBe(
      "FORBIDDEN",
    );
    const caller = callerAs(deps, admin);
    // Inputs the types would refuse, as a hostile client sends them.
    const create = (input: Record<string, unknown>) => {
      const raw: unknown = { agentId: "dr_lib", ...input };
      return code(caller.knowledge.create(raw as Parameters<typeof caller.knowledge.create>[0]));
    };
    expect(await create({ folder: "a/../b", title: "x", text: "y" })).toBe("BAD_REQUEST");
    expect(await create({ text: "no title" })).toBe("BAD_REQUEST");
    expect(await create({ title: "both", text: "y", fileId: "f1" })).toBe("BAD_REQUEST");
    expect(await create({ title: "bad\u0000title", text: "y" })).toBe("BAD_REQUEST");
    expect(
      await code(caller.knowledge.delete({ agentId: "dr_lib", documentId: "kd_missing000" })),
    ).toBe("NOT_FOUND");
    expect(await code(caller.knowledge.create({ agentId: "nobody", title: "x", text: "y" }))).toBe(
      "NOT_FOUND",
    );
  });

  it("a document whose text is empty fails with its reason", async () => {
    const caller = callerAs(deps, admin);
    const doc = await caller.knowledge.create({ agentId: "dr_lib", title: "Blank", text: "   " });
    await deps.work.drain();
    const after = (await caller.knowledge.list({ agentId: "dr_lib" })).find(
      (d) => d.documentId === doc.documentId,
    );
    expect(after).toMatchObject({
      state: "failed",
      failureReason: "the document contains no text",
    });
    await caller.knowledge.delete({ agentId: "dr_lib", documentId: doc.documentId });
  });

  it("deleting a document deletes its chunks", async () => {
    const caller = callerAs(deps, admin);
    const [doc] = await caller.knowledge.list({ agentId: "dr_lib" });
    const out = await caller.knowledge.delete({ agentId: "dr_lib", documentId: doc!.documentId });
    expect(out).toEqual({ deleted: true, chunks: 1 });
    expect(await deps.repos.ragChunks.countByAgent("dr_lib")).toBe(0);
    expect(await caller.knowledge.list({ agentId: "dr_lib" })).toEqual([]);
  });

  it("deactivating drops the library's chunks with the index; activating indexes them again", async () => {
    const caller = callerAs(deps, admin);
    await caller.knowledge.create({ agentId: "dr_lib", title: "Hours", text: WHITENING });
    await deps.work.drain();
    expect(await deps.repos.ragChunks.countByAgent("dr_lib")).toBe(1);
    await caller.agents.delete({ agentId: "dr_lib" });
    expect(await deps.repos.ragChunks.countByAgent("dr_lib")).toBe(0);
    await caller.agents.activate({ agentId: "dr_lib" });
    await deps.work.drain();
    expect(await deps.repos.ragChunks.countByAgent("dr_lib")).toBe(1);
    const [doc] = await caller.knowledge.list({ agentId: "dr_lib" });
    expect(doc).toMatchObject({ state: "ready", chunkCount: 1 });
    await caller.knowledge.delete({ agentId: "dr_lib", documentId: doc!.documentId });
  });

  it("importInline moves rag.sources into the library and retrieval answers the same", async () => {
    const caller = callerAs(deps, admin);
    const before = await retrieve("dr_inline", "Where can I park?");
    const moved = await caller.knowledge.importInline({ agentId: "dr_inline" });
    expect(moved.kept).toEqual([]);
    expect(moved.moved.map((d) => [d.title, d.inlineSourceId, d.state])).toEqual([
      ["Parking", "parking", "ready"],
      ["Opening hours", "hours", "ready"],
    ]);
    const agent = await caller.agents.byId({ agentId: "dr_inline" });
    expect((agent.config as { rag: { sources: unknown[] } }).rag.sources).toEqual([]);
    const after = await retrieve("dr_inline", "Where can I park?");
    expect(after.sources.map((s) => [s.content, s.score.toFixed(4)])).toEqual(
      before.sources.map((s) => [s.content, s.score.toFixed(4)]),
    );
    expect(after.sources[0]?.documentId).toBe(moved.moved[0]?.documentId);
    // Saving the agent again (inline indexing) leaves the library's chunks alone.
    await caller.agents.update({ agentId: "dr_inline", config: { persona: { tone: "warm" } } });
    expect(await deps.repos.ragChunks.countByAgent("dr_inline")).toBe(2);
  });
});

describe("library files: upload, send, delete", () => {
  const PRICES = [
    ["Price list 2026"],
    ["Cleaning 80 euros. Whitening 250 euros. Implant 1200 euros. Price list prices."],
  ];

  async function uploadPdf(agentId: string, name: string) {
    return deps.files.saveFile({
      bytes: buildPdf(PRICES),
      name,
      declaredType: "application/pdf",
      purpose: "library",
      agentId,
      createdBy: admin.id,
    });
  }

  it("a PDF is indexed from its file; the agent sends it when the customer asks on the web chat", async () => {
    const caller = callerAs(deps, admin);
    await caller.agents.create({
      agentId: "dr_send",
      config: agentDocument("dr_send", {
        rag: { enabled: true, retrieval: { score_threshold: 0.1 } },
      }),
    });
    const file = await uploadPdf("dr_send", "price-list.pdf");
    const doc = await caller.knowledge.create({
      agentId: "dr_send",
      fileId: file.fileId,
      folder: "Prices",
      sendable: true,
    });
    expect(doc).toMatchObject({ title: "price list", kind: "pdf", fileName: "price-list.pdf" });
    await deps.work.drain();
    const [ready] = await caller.knowledge.list({ agentId: "dr_send" });
    expect(ready).toMatchObject({ state: "ready", progress: 100 });
    expect(ready!.chunkCount).toBeGreaterThan(0);

    const visitor = callerAs(deps, { kind: "anonymous" });
    const { conversationId, token } = await visitor.chat.start({ agentId: "dr_send" });
    const out = await visitor.chat.send({
      conversationId,
      token,
      content: "send me your price list",
    });
    expect(out.reply?.content).toContain("price list");
    expect(out.reply?.attachments?.map((a) => [a.kind, a.name])).toEqual([
      ["document", "price-list.pdf"],
    ]);
    await deps.work.drain();
    const messages = await deps.repos.messages.page(conversationId, { limit: 10 });
    const withFile = messages.items.find((m) => (m.fileIds ?? []).length > 0);
    expect(withFile).toMatchObject({ role: "agent", fileIds: [file.fileId] });
    // The file rides on the reply itself: one agent message, its text the reply's.
    expect(messages.items.filter((m) => m.role === "agent")).toEqual([withFile]);
    expect(withFile?.content).toBe(out.reply?.content);

    // A question that merely mentions it gets no file.
    const before = messages.items.length;
    await visitor.chat.send({
      conversationId,
      token,
      content: "how much is the price list item whitening",
    });
    await deps.work.drain();
    const after = await deps.repos.messages.page(conversationId, { limit: 20 });
    expect(after.items.length).toBe(before + 2);
    expect(after.items.filter((m) => (m.fileIds ?? []).length > 0)).toHaveLength(1);
  });

  it("a file of another agent's library is refused; deleting a document deletes its file", async () => {
    const caller = callerAs(deps, admin);
    const foreign = await uploadPdf("dr_lib", "other.pdf");
    const refused = await failure(
      caller.knowledge.create({ agentId: "dr_send", fileId: foreign.fileId }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    const [doc] = await caller.knowledge.list({ agentId: "dr_send" });
    await caller.knowledge.delete({ agentId: "dr_send", documentId: doc!.documentId });
    expect(await deps.repos.files.get(doc!.fileId!)).toBeNull();
    expect(await deps.files.openFile(doc!.fileId!)).toBeNull();
    expect(await deps.repos.ragChunks.countByAgent("dr_send")).toBe(0);
  });
});
