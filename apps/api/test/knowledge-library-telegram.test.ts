import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeChatRequest } from "@agents-crm/ai/testing";
import {
  bindTelegram,
  conversationOf,
  messagesOf,
  postTelegram,
  startChannels,
  telegramText,
  type Channels,
} from "./helpers/channels-kit";
import { buildPdf } from "@agents-crm/config/testing/pdf-fixture";

// The agent sends a library document on Telegram: the model (the fake OpenAI server) asks for the
// sendable document it was shown, and the PDF's bytes arrive at the fake Telegram as a sendDocument.

const ADMIN_TOKEN = "library-telegram-admin-token-0123456789ab";
const AGENT = "library_tg_clinic";
const PRICES = Buffer.from(
  buildPdf([["Price list 2026"], ["Cleaning 3000. Whitening 9000. Implant 45000."]]),
);
let c: Channels;
let telegram: { bindingId: string; secret: string };

beforeAll(async () => {
  c = await startChannels({ env: { ADMIN_TOKEN } });
  telegram = await bindTelegram(c, {
    agentId: AGENT,
    agent: { rag: { enabled: true, retrieval: { score_threshold: 0 } } },
  });
});
afterAll(() => c.close());

/** The model's answer: a reply, and the sendable documents the prompt showed it, asked for. */
function attachingResponder(request: FakeChatRequest) {
  const prompt = request.messages.map((m) => m.content).join("\n");
  const shown = [...prompt.matchAll(/sendable_document=\\?"([^"\\]+)\\?"/g)].map((m) => m[1]!);
  return {
    json: {
      reply: "Вот наш прайс-лист.",
      escalation: { needed: false, type: "none", reason: "", confidence: 0.9 },
      sources_used: [],
      attach_document_ids: [...new Set(shown)],
    },
  };
}

describe("the agent sends a library document on Telegram", () => {
  it("the reply carries the PDF: one sendDocument, the reply as its caption, the bytes as uploaded", async () => {
    const res = await fetch(`${c.t.url}/files`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        "content-type": "application/pdf",
        "x-file-name": encodeURIComponent("Прайс.pdf"),
        "x-file-purpose": "library",
        "x-agent-id": AGENT,
      },
      body: new Uint8Array(PRICES),
    });
    expect(res.status).toBe(201);
    const { file } = (await res.json()) as { file: { fileId: string } };
    await c.admin.knowledge.create({ agentId: AGENT, fileId: file.fileId, sendable: true });
    await c.deps.work.drain();
    const [document] = await c.admin.knowledge.list({ agentId: AGENT });
    expect(document).toMatchObject({ state: "ready", sendable: true });

    c.llm.setResponder(attachingResponder);
    await postTelegram(c, telegram, telegramText(6201, 6201, "Пришлите, пожалуйста, прайс"));
    await c.workers.settled();
    await c.deps.work.drain();
    await c.workers.settled();

    const [sent] = c.telegram.media(6201);
    // One message: the reply is the document's caption, not a text of its own.
    expect(sent).toMatchObject({
      method: "sendDocument",
      fileName: "Прайс.pdf",
      caption: "Вот наш прайс-лист.",
    });
    expect(Buffer.compare(sent?.bytes ?? Buffer.alloc(0), PRICES)).toBe(0);
    expect(c.telegram.media(6201)).toHaveLength(1);
    expect(c.telegram.sent(6201).map((m) => m.text)).not.toContain("Вот наш прайс-лист.");

    const [conversation] = await conversationOf(c.deps, AGENT, "telegram", "6201");
    const agentMessages = (await messagesOf(c.deps, conversation!.conversationId)).filter(
      (m) => m.role === "agent",
    );
    expect(agentMessages).toHaveLength(1);
    expect(agentMessages[0]).toMatchObject({
      content: "Вот наш прайс-лист.",
      fileIds: [file.fileId],
      deliveryStatus: "sent",
    });
    expect(agentMessages[0]?.attachmentDelivery?.[file.fileId]?.status).toBe("sent");
  });
});
