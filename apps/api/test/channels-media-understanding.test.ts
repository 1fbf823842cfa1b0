import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callerAs } from "./helpers/auth-fixtures";
import { createAgent } from "./helpers/chat-kit";
import {
  bindInstagram,
  bindWhatsApp,
  consoleTranscript,
  echoResponder,
  expectAcknowledged,
  igItem,
  instagramBody,
  postInstagram,
  postWhatsApp,
  startChannels,
  whatsappBody,
  type Channels,
} from "./helpers/channels-kit";
import { mediaFixture } from "./helpers/webhook-kit";

// Voice notes and photos are understood the same way on every channel, not only on Telegram: the fake
// Graph server serves the real files (an Ogg Opus voice note, a JPEG), the fake OpenAI server transcribes
// and reads images. Payload shapes: WhatsApp Cloud API webhook `messages[].audio` with `voice: true` and
// `messages[].image` (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components);
// Instagram Messaging webhook `message.attachments[].type` "audio" / "image" with `payload.url`
// (https://developers.facebook.com/docs/messenger-platform/instagram/features/webhook).

const PHOTO = mediaFixture("rash-photo.jpg");
const VOICE = mediaFixture("voice-note.ogg");
const ACCOUNT = "17841400000000801";
const WA = "106540352240801";
const AGENT = "understanding_clinic";
const AGENT_WEB = "understanding_web";
const AGENT_WEB_PRIVATE = "understanding_web_private";
let c: Channels;

beforeAll(async () => {
  c = await startChannels({
    env: { OPENAI_VISION: "true" },
    transcriptionModel: "gpt-4o-mini-transcribe",
    workers: { maxAttempts: 3, backoff: { baseMs: 30, maxMs: 60 } },
  });
  const agent = { escalation: { on_unreadable_message: "handoff" } };
  await bindInstagram(c, { accountId: ACCOUNT, agentId: AGENT, agent });
  await bindWhatsApp(c, { phoneNumberId: WA, agentId: AGENT, agent });
  await createAgent(c.deps, AGENT_WEB, agent);
  await createAgent(c.deps, AGENT_WEB_PRIVATE, {
    escalation: { on_unreadable_message: "handoff", read_photos: false },
  });
});
afterAll(() => c.close());
beforeEach(() => {
  c.llm.reset();
  c.llm.setResponder(echoResponder);
  c.llm.setTranscriber(null);
});

const transcript = (channel: "instagram" | "whatsapp", user: string) =>
  consoleTranscript(c, AGENT, channel, user);

const chatCalls = () => c.llm.requests.filter((r) => r.endpoint === "chat");
const transcriptions = () => c.llm.requests.filter((r) => r.endpoint === "transcriptions");

function expectAnsweredVoice(
  items: Awaited<ReturnType<typeof transcript>>["items"],
  words: string,
) {
  const voice = items.find((m) => m.role === "user");
  expect(voice?.metadata.transcript).toBe(words);
  expect(voice?.attachments).toEqual([
    expect.objectContaining({ status: "stored", durationSec: 1, transcript: words }),
  ]);
  expect(items.find((m) => m.role === "agent")?.metadata.answers).toEqual([voice?.messageId]);
}

describe("voice notes on WhatsApp and Instagram (TRANSCRIPTION_MODEL)", () => {
  it("a WhatsApp voice note is downloaded with the binding's token, transcribed and answered", async () => {
    c.llm.setTranscriber(() => "Do you have a slot on Saturday?");
    const from = "971500000801";
    const mediaId = c.graph.addWhatsAppMedia(WA, VOICE, "audio/ogg");
    expectAcknowledged(
      await postWhatsApp(
        c,
        whatsappBody(WA, from, [
          {
            from,
            id: "wamid.voice.801",
            timestamp: String(Math.floor(Date.now() / 1000)),
            type: "audio",
            audio: { id: mediaId, mime_type: "audio/ogg; codecs=opus", voice: true },
          },
        ]),
      ),
    );
    await c.workers.settled();
    expect(transcriptions()).toHaveLength(1);
    expect(Buffer.from(transcriptions()[0]?.transcription?.fileBytes ?? []).equals(VOICE)).toBe(
      true,
    );
    expect(chatCalls()).toHaveLength(1);
    expect(chatCalls()[0]?.chat?.lastUserMessage).toContain("Do you have a slot on Saturday?");
    const { row, items } = await transcript("whatsapp", from);
    expect(items[0]?.kind).toBe("voice");
    expectAnsweredVoice(items, "Do you have a slot on Saturday?");
    expect(row.status).not.toBe("NEEDS_HUMAN");
  });

  it("an Instagram audio message is fetched from the CDN link, transcribed and answered", async () => {
    c.llm.setTranscriber(() => "How much is a cleaning?");
    const sender = "9300000000000801";
    const url = c.graph.addInstagramCdnFile(VOICE, { mimeType: "audio/ogg" });
    expectAcknowledged(
      await postInstagram(
        c,
        instagramBody(ACCOUNT, [
          igItem(ACCOUNT, sender, {
            message: { mid: "mid.voice.801", attachments: [{ type: "audio", payload: { url } }] },
          }),
        ]),
      ),
    );
    await c.workers.settled();
    expect(transcriptions()).toHaveLength(1);
    expect(chatCalls()).toHaveLength(1);
    expect(chatCalls()[0]?.chat?.lastUserMessage).toContain("How much is a cleaning?");
    const { row, items } = await transcript("instagram", sender);
    expectAnsweredVoice(items, "How much is a cleaning?");
    expect(row.status).not.toBe("NEEDS_HUMAN");
  });
});

describe("photos on WhatsApp and Instagram (OPENAI_VISION)", () => {
  it("a WhatsApp photo and its caption go into the one chat call", async () => {
    const from = "971500000802";
    const mediaId = c.graph.addWhatsAppMedia(WA, PHOTO, "image/jpeg");
    expectAcknowledged(
      await postWhatsApp(
        c,
        whatsappBody(WA, from, [
          {
            from,
            id: "wamid.photo.802",
            timestamp: String(Math.floor(Date.now() / 1000)),
            type: "image",
            image: {
              id: mediaId,
              mime_type: "image/jpeg",
              caption: "Which of these toothbrushes do you sell?",
            },
          },
        ]),
      ),
    );
    await c.workers.settled();
    expect(chatCalls()).toHaveLength(1);
    const request = chatCalls()[0]?.chat;
    expect(request?.lastUserMessage).toContain("Which of these toothbrushes do you sell?");
    expect(request?.lastUserImages).toEqual([expect.stringMatching(/^data:image\/jpeg;base64,/)]);
    const { row, items } = await transcript("whatsapp", from);
    expect(items.map((m) => m.role)).toEqual(["user", "agent"]);
    expect(row.status).not.toBe("NEEDS_HUMAN");
  });

  it("an Instagram photo goes into the one chat call", async () => {
    const sender = "9300000000000802";
    const url = c.graph.addInstagramCdnFile(PHOTO, { mimeType: "image/jpeg" });
    expectAcknowledged(
      await postInstagram(
        c,
        instagramBody(ACCOUNT, [
          igItem(ACCOUNT, sender, {
            message: { mid: "mid.photo.802", attachments: [{ type: "image", payload: { url } }] },
          }),
        ]),
      ),
    );
    await c.workers.settled();
    expect(chatCalls()).toHaveLength(1);
    expect(chatCalls()[0]?.chat?.lastUserImages).toHaveLength(1);
    const { items } = await transcript("instagram", sender);
    expect(items.map((m) => m.role)).toEqual(["user", "agent"]);
  });
});

describe("photos in the web chat (OPENAI_VISION)", () => {
  const visitor = () => callerAs(c.deps, { kind: "anonymous" });
  async function sendPhoto(agentId: string, caption: string) {
    const chat = await visitor().chat.start({ agentId });
    // What `POST /files/web-chat` stores for the visitor.
    const photo = await c.deps.files.saveFile({
      bytes: new Uint8Array(PHOTO),
      name: "brush.jpg",
      purpose: "conversation",
      conversationId: chat.conversationId,
      createdBy: "customer",
    });
    return visitor().chat.send({ ...chat, content: caption, fileIds: [photo.fileId] });
  }

  it("the visitor's photo and caption go into the one chat call, and the reply comes back", async () => {
    const out = await sendPhoto(AGENT_WEB, "Which of these toothbrushes do you sell?");
    expect(chatCalls()).toHaveLength(1);
    const request = chatCalls()[0]?.chat;
    expect(request?.lastUserMessage).toContain("Which of these toothbrushes do you sell?");
    expect(request?.lastUserImages).toEqual([expect.stringMatching(/^data:image\/jpeg;base64,/)]);
    expect(out.reply).toMatchObject({ role: "agent" });
    expect(out.status).not.toBe("NEEDS_HUMAN");
  });

  it("an agent with read_photos off hands the photo over without calling the model", async () => {
    const out = await sendPhoto(AGENT_WEB_PRIVATE, "Which of these toothbrushes do you sell?");
    expect(chatCalls()).toHaveLength(0);
    expect(out.status).toBe("NEEDS_HUMAN");
    expect(out.reply).toMatchObject({ role: "agent" });
  });
});
