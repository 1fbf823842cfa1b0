import { beforeAll, describe, expect, it } from "vitest";
import type { LlmProviders } from "../src/providers/types";
import { createHashedEmbedder } from "../src/rag/hashed-embedder";
import { createKnowledgeBase } from "../src/rag/knowledge-base";
import type { KnowledgeBase } from "../src/rag/types";
import { runTurn } from "../src/turn/run-turn";
import { useTurnServer } from "./turn-fake-server";
import { configOf, InMemoryChunks, minimalDocument, offlineProviders } from "./turn-kit";

const AGENT = "lib_agent";
const PRICE_LIST = "kd_pricelist01";
const MAP = "kd_clinicmap01";
const config = configOf(
  minimalDocument({
    agent_id: AGENT,
    profile: {
      doctor_display_name: "Dr. Test",
      clinic_display_name: "Test Clinic",
      specialty: "dentistry",
      languages: ["en", "ru", "ar"],
    },
    rag: {
      enabled: true,
      retrieval: { top_k: 3, score_threshold: 0.1 },
      sources: [
        { id: "hours", title: "Opening hours", content: "We are open Monday to Friday, 9 to 18." },
      ],
    },
  }),
);
const now = new Date("2025-03-04T08:00:00Z");

async function libraryKnowledge(embedder = createHashedEmbedder()): Promise<KnowledgeBase> {
  const knowledge = createKnowledgeBase({ chunks: new InMemoryChunks(), embedder });
  await knowledge.indexAgent(AGENT, [
    { id: "hours", title: "Opening hours", content: "We are open Monday to Friday, 9 to 18." },
  ]);
  const index = (documentId: string, title: string, text: string, sendable: boolean) =>
    knowledge.indexDocument(
      AGENT,
      { documentId, title, text, kind: "pdf", sendable },
      { batchChunks: 4 },
    );
  await index(
    PRICE_LIST,
    "Price list",
    "Price list прайс قائمة الأسعار: cleaning 80 euros, whitening 250 euros, implant 1200 euros.",
    true,
  );
  await index(MAP, "How to find us", "Map: the clinic is at 5 Elm Road, second floor.", false);
  return knowledge;
}

describe("the agent attaches a sendable library document (offline)", () => {
  let providers: LlmProviders;
  let knowledge: KnowledgeBase;
  beforeAll(async () => {
    providers = offlineProviders();
    knowledge = await libraryKnowledge(providers.embedder);
  });
  const ask = (message: string) =>
    runTurn(
      { agentId: AGENT, config, history: [], messages: [message], channel: "web_chat", now },
      { providers, knowledge },
    );

  it.each([
    ["send me your price list", 'Here is our "Price list"'],
    ["пришлите прайс", "Отправляю вам «Price list»"],
    ["أرسل لي قائمة الأسعار", "إليك «Price list»"],
  ])("%s → the price list goes with the reply", async (message, reply) => {
    const result = await ask(message);
    expect(result.attachDocumentIds).toEqual([PRICE_LIST]);
    expect(result.reply?.text).toContain(reply);
    expect(result.escalation.needed).toBe(false);
  });

  it("a question about the price list gets an answer, not the file", async () => {
    const result = await ask("how much is the price list item whitening?");
    expect(result.attachDocumentIds).toEqual([]);
    expect(result.reply?.text).toContain("250");
  });

  it("a document not marked sendable is never attached", async () => {
    const result = await ask("Please send me the map of how to find the clinic");
    expect(result.attachDocumentIds).toEqual([]);
  });

  it("marking it sendable later is enough (no re-embedding)", async () => {
    const local = await libraryKnowledge();
    await local.setDocumentSendable(AGENT, MAP, true);
    const result = await runTurn(
      {
        agentId: AGENT,
        config,
        history: [],
        messages: ["Please send me the map of how to find the clinic"],
        channel: "web_chat",
        now,
      },
      { providers, knowledge: local },
    );
    expect(result.attachDocumentIds).toEqual([MAP]);
  });
});

describe("the agent attaches a sendable library document (a model, one call)", () => {
  const server = useTurnServer();

  it("the model's attach_document_ids are kept to sendable documents it was shown", async () => {
    const knowledge = await libraryKnowledge();
    server.fake.setResponder(() => ({
      json: {
        reply: "Here is our price list.",
        escalation: { needed: false, type: "none", reason: "", confidence: 0.9 },
        sources_used: ["S1"],
        attach_document_ids: [PRICE_LIST, MAP, "kd_invented000"],
      },
    }));
    const result = await runTurn(
      {
        agentId: AGENT,
        config,
        history: [],
        messages: ["Could you send me the price list?"],
        channel: "web_chat",
        now,
      },
      { providers: server.providers, knowledge },
    );
    expect(result.attachDocumentIds).toEqual([PRICE_LIST]);
    expect(server.count("chat")).toBe(1);
    const prompt = JSON.stringify(server.chatRequests()[0]);
    expect(prompt).toContain(`sendable_document=\\"${PRICE_LIST}\\"`);
    expect(prompt).not.toContain(`sendable_document=\\"${MAP}\\"`);
    expect(prompt).toContain("attach_document_ids");
  });

  it("an answer without the field attaches nothing", async () => {
    const knowledge = await libraryKnowledge();
    server.fake.setResponder(() => ({
      json: {
        reply: "Cleaning is 80 euros.",
        escalation: { needed: false, type: "none", reason: "", confidence: 0.9 },
        sources_used: [],
      },
    }));
    const result = await runTurn(
      {
        agentId: AGENT,
        config,
        history: [],
        messages: ["How much is cleaning?"],
        channel: "web_chat",
        now,
      },
      { providers: server.providers, knowledge },
    );
    expect(result.attachDocumentIds).toEqual([]);
  });
});
