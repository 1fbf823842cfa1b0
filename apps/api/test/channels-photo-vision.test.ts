import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { modelAnswer } from "./helpers/chat-kit";
import {
  bindTelegram,
  consoleTranscript,
  echoResponder,
  expectAcknowledged,
  postTelegram,
  startChannels,
  storedBytes,
  telegramMessage,
  type Channels,
  type TelegramBinding,
} from "./helpers/channels-kit";
import { mediaFixture } from "./helpers/webhook-kit";

const PHOTO = mediaFixture("rash-photo.jpg");
const AGENT = "vision_clinic";
const PRIVATE = "vision_private_clinic";
let c: Channels;
let telegram: TelegramBinding;
let privateClinic: TelegramBinding;

beforeAll(async () => {
  c = await startChannels({ env: { OPENAI_VISION: "true" } });
  telegram = await bindTelegram(c, {
    agentId: AGENT,
    agent: { escalation: { on_unreadable_message: "handoff" } },
  });
  // A clinic that does not send patients' photos to the model provider.
  privateClinic = await bindTelegram(c, {
    agentId: PRIVATE,
    agent: { escalation: { on_unreadable_message: "handoff", read_photos: false } },
  });
});
afterAll(() => c.close());
beforeEach(() => {
  c.llm.reset();
  c.llm.setResponder(echoResponder);
});

async function sendPhoto(chatId: number, caption: string, to = { bot: telegram, agentId: AGENT }) {
  const fileId = c.telegram.addFile(to.bot.bot, PHOTO, { path: `photos/file_${chatId}.jpg` });
  const res = await postTelegram(
    c,
    to.bot,
    telegramMessage(chatId, {
      photo: [{ file_id: fileId, file_unique_id: `u${chatId}`, width: 96, height: 64 }],
      caption,
    }),
  );
  expectAcknowledged(res);
  await c.workers.settled();
  return consoleTranscript(c, to.agentId, "telegram", String(chatId));
}

describe("customers' photos with a vision model (OPENAI_VISION)", () => {
  it("a Telegram photo and its caption go into one chat call as an image_url part", async () => {
    const { row, items } = await sendPhoto(730_001, "Is this the right toothbrush?");
    const chats = c.llm.requests.filter((r) => r.endpoint === "chat");
    expect(chats).toHaveLength(1);
    const request = chats[0]?.chat;
    expect(request?.lastUserMessage).toContain("Is this the right toothbrush?");
    // The stored bytes (location stripped), not the platform's link.
    const stored = await storedBytes(c, items[0]?.fileIds?.[0]);
    expect(request?.lastUserImages).toEqual([
      `data:image/jpeg;base64,${stored.toString("base64")}`,
    ]);
    const body = request?.body as { messages: { content: unknown }[] };
    const last = body.messages[body.messages.length - 1]?.content as {
      type: string;
      image_url?: { detail?: string };
    }[];
    expect(last.map((part) => part.type)).toEqual(["text", "image_url"]);
    expect(last[1]?.image_url?.detail).toBe("low");
    // Answered like a text message, not handed over.
    expect(items.map((m) => m.role)).toEqual(["user", "agent"]);
    expect(row.status).not.toBe("NEEDS_HUMAN");
  });

  it("a photo of a symptom is handed to a human with the model's description in the summary", async () => {
    c.llm.setResponder((request) =>
      request.lastUserImages.length === 1
        ? modelAnswer("A doctor will look at your photo shortly.", {
            needed: true,
            type: "medical",
            reason: "Photo of a skin rash",
            summary: "Photo: a red, raised rash on the forearm, about 3 cm across",
          } as { needed: boolean; type: string })
        : echoResponder(request),
    );
    const { row, items } = await sendPhoto(730_002, "This appeared yesterday, what is it?");
    expect(c.llm.requests.filter((r) => r.endpoint === "chat")).toHaveLength(1);
    expect(row.status).toBe("NEEDS_HUMAN");
    const reply = items.find((m) => m.role === "agent");
    expect(reply?.metadata.escalation?.type).toBe("medical");
    expect(reply?.metadata.escalation?.summary?.want).toBe(
      "Photo: a red, raised rash on the forearm, about 3 cm across",
    );
    const fresh = await c.deps.repos.conversations.get(row.conversationId);
    expect(fresh?.handoffSummary?.want).toContain("red, raised rash");
  });

  it("an agent with read_photos off never sends the photo: handed over as an unreadable photo", async () => {
    const { row, items } = await sendPhoto(730_003, "Is this infected?", {
      bot: privateClinic,
      agentId: PRIVATE,
    });
    expect(c.llm.requests.filter((r) => r.endpoint === "chat")).toHaveLength(0);
    expect(row.status).toBe("NEEDS_HUMAN");
    // Its own escalation type and a cause the console words in the reader's language.
    expect(row.escalationType).toBe("unreadable_message");
    expect(row.handoffSummary?.cause).toEqual({ code: "unreadable_message", kind: "photo" });
    expect(items.find((m) => m.role === "agent")?.metadata.template).toBe(
      "unreadable_message_handoff",
    );
    expect(items[0]?.attachments).toEqual([
      expect.objectContaining({ kind: "image", status: "stored" }),
    ]);
  });
});
