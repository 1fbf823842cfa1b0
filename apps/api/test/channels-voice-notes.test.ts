import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  bindTelegram,
  consoleTranscript,
  expectAcknowledged,
  messagesOf,
  postTelegram,
  startChannels,
  telegramMessage,
  type Channels,
  type TelegramBinding,
} from "./helpers/channels-kit";

const VOICE = readFileSync(new URL("./fixtures/media/voice-note.ogg", import.meta.url));
const AGENT = "voice_clinic";
const QUIET = "voice_quiet";
let c: Channels;
let telegram: TelegramBinding;
let quiet: TelegramBinding;

beforeAll(async () => {
  c = await startChannels({
    transcriptionModel: "gpt-4o-mini-transcribe",
    workers: { maxAttempts: 3, backoff: { baseMs: 30, maxMs: 60 } },
  });
  telegram = await bindTelegram(c, {
    agentId: AGENT,
    agent: { escalation: { on_unreadable_message: "handoff" } },
  });
  quiet = await bindTelegram(c, {
    agentId: QUIET,
    agent: { escalation: { on_unreadable_message: "ignore" } },
  });
});
afterAll(() => c.close());
beforeEach(() => {
  c.llm.reset();
  c.llm.setResponder(null);
});

let voiceNotes = 0;
function voiceUpdate(bot: typeof telegram, chatId: number) {
  voiceNotes += 1;
  const fileId = c.telegram.addFile(bot.bot, VOICE, { path: `voice/file_${voiceNotes}.oga` });
  return telegramMessage(chatId, {
    voice: { file_id: fileId, duration: 2, mime_type: "audio/ogg" },
  });
}

async function conversation(agentId: string, chatId: number) {
  const { row, items } = await consoleTranscript(c, agentId, "telegram", String(chatId));
  return { row, items, stored: await messagesOf(c.deps, row.conversationId) };
}

const sentTo = (chatId: number) =>
  c.telegram.calls
    .filter((call) => call.method === "sendMessage" && String(call.body.chat_id) === String(chatId))
    .map((call) => String(call.body.text));

describe("voice notes with a transcription model (TRANSCRIPTION_MODEL)", () => {
  it("a Telegram voice note is transcribed, kept with the audio and answered like text", async () => {
    const chatId = 720_001;
    c.llm.setTranscriber(() => "Can I book a cleaning on Friday?");
    expectAcknowledged(await postTelegram(c, telegram, voiceUpdate(telegram, chatId)));
    await c.workers.settled();

    // One upload of the stored Ogg bytes, as a real multipart request.
    const uploads = c.llm.requests.filter((r) => r.endpoint === "transcriptions");
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.transcription?.model).toBe("gpt-4o-mini-transcribe");
    expect(Buffer.from(uploads[0]?.transcription?.fileBytes ?? []).equals(VOICE)).toBe(true);
    // Exactly one chat call, whose customer message is the transcript.
    const chats = c.llm.requests.filter((r) => r.endpoint === "chat");
    expect(chats).toHaveLength(1);
    expect(chats[0]?.chat?.lastUserMessage).toContain("Can I book a cleaning on Friday?");

    const { row, items } = await conversation(AGENT, chatId);
    const voice = items.find((m) => m.kind === "voice");
    expect(voice?.metadata.transcript).toBe("Can I book a cleaning on Friday?");
    expect(voice?.attachments).toEqual([
      expect.objectContaining({
        kind: "voice",
        status: "stored",
        // Its length read from the Ogg pages (the fixture is 50 packets of 20 ms).
        durationSec: 1,
        transcript: "Can I book a cleaning on Friday?",
      }),
    ]);
    const reply = items.find((m) => m.role === "agent");
    expect(reply?.metadata.answers).toEqual([voice?.messageId]);
    expect(row.status).not.toBe("NEEDS_HUMAN");
    expect(sentTo(chatId)).toEqual([reply?.content]);
    // Staff see the words arrive (the message is replaced with its transcript).
    expect(
      c.adminEvents.some(
        (e) =>
          e.type === "message.updated" &&
          (e.payload as { message?: { metadata?: { transcript?: string } } }).message?.metadata
            ?.transcript === "Can I book a cleaning on Friday?",
      ),
    ).toBe(true);
  });

  it("a server failure is retried with the media job's back-off, then answered", async () => {
    const chatId = 720_002;
    c.llm.setTranscriber(() => "What are your opening hours?");
    c.llm.failNext(1, 503, undefined, {}, "transcriptions");
    expectAcknowledged(await postTelegram(c, telegram, voiceUpdate(telegram, chatId)));
    await c.workers.settled();
    expect(c.llm.requests.filter((r) => r.endpoint === "transcriptions")).toHaveLength(2);
    expect(c.llm.requests.filter((r) => r.endpoint === "chat")).toHaveLength(1);
    const { items } = await conversation(AGENT, chatId);
    expect(items.filter((m) => m.role === "agent")).toHaveLength(1);
  });

  it("a refused transcription is handled as without one: handed to a human (on_unreadable_message)", async () => {
    const chatId = 720_003;
    c.llm.failNext(1, 400, undefined, {}, "transcriptions");
    expectAcknowledged(await postTelegram(c, telegram, voiceUpdate(telegram, chatId)));
    await c.workers.settled();
    expect(c.llm.requests.filter((r) => r.endpoint === "chat")).toHaveLength(0);
    const { row, items } = await conversation(AGENT, chatId);
    expect(row.status).toBe("NEEDS_HUMAN");
    const notice = items.find((m) => m.role === "agent");
    expect(notice?.metadata.template).toBe("unreadable_message_handoff");
    expect(items.find((m) => m.kind === "voice")?.metadata.transcript).toBeUndefined();
    expect(sentTo(chatId)).toEqual([notice?.content]);
  });

  it("every attempt failing ends as without a transcription model (the quiet agent stays quiet)", async () => {
    const chatId = 720_004;
    c.llm.failNext(10, 503, undefined, {}, "transcriptions");
    expectAcknowledged(await postTelegram(c, quiet, voiceUpdate(quiet, chatId)));
    await c.workers.settled();
    expect(c.llm.requests.filter((r) => r.endpoint === "transcriptions")).toHaveLength(3);
    const { row, items } = await conversation(QUIET, chatId);
    expect(items.map((m) => m.role)).toEqual(["user"]);
    expect(row.status).not.toBe("NEEDS_HUMAN");
    expect(sentTo(chatId)).toEqual([]);
  });
});
