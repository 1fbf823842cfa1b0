import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createAgent } from "./helpers/chat-kit";
import { agentReplies, useRestarts, visitor } from "./helpers/restart-kit";

// A web-chat message with files takes the same durable path as text (web-turn item before the message is
// stored, the turn under its lease): a photo answered by a vision model, or a document handed over as
// unreadable, whose process stops mid-way is answered exactly once by the next process.

const PHOTO = readFileSync(new URL("./fixtures/media/rash-photo.jpg", import.meta.url));
const PDF = readFileSync(new URL("./fixtures/media/test-results.pdf", import.meta.url));

const w = useRestarts({
  env: { OPENAI_VISION: "true" },
  agents: (deps) => createAgent(deps, "dr_photo_recover", { burst_window_ms: 0 }),
  answer: (words) => `Seen: ${words.slice(-40)}`,
});

async function upload(conversationId: string, bytes: Buffer, name: string) {
  const record = await w.first.files.saveFile({
    bytes: new Uint8Array(bytes),
    name,
    purpose: "conversation",
    conversationId,
    createdBy: "customer",
  });
  return record.fileId;
}

describe("a web-chat message with files whose process stops before its turn ends", () => {
  it("a photo cut off while the vision model reads it is answered once by the next process", async () => {
    const chat = await visitor(w.first).chat.start({ agentId: "dr_photo_recover" });
    const photo = await upload(chat.conversationId, PHOTO, "rash.jpg");
    w.holdTheModel();
    await w.sendHeld({ ...chat, content: "What is this?", fileIds: [photo] });

    // Stopped at once (its deadline reached); its held call may end now but must not be answered there.
    await w.stopFirstAndRelease();

    const second = await w.recover(chat.conversationId);
    const replies = await agentReplies(second.deps, chat.conversationId);
    expect(replies).toHaveLength(1);
    const [user] = (await second.deps.repos.messages.page(chat.conversationId)).items;
    expect(replies[0]?.metadata.answers).toEqual([user?.messageId]);
    // The next process read the photo too: the stopped call and the recovered one, no third.
    expect(w.chatCalls()).toHaveLength(2);
    expect(w.chatCalls()[1]?.chat?.lastUserImages).toEqual([
      expect.stringMatching(/^data:image\/jpeg;base64,/),
    ]);
    expect(await second.deps.repos.inboundEvents.countQueued()).toBe(0);
  });

  it("a document stored while the process stops is handed over by the next process, once", async () => {
    const busy = await visitor(w.first).chat.start({ agentId: "dr_photo_recover" });
    const late = await visitor(w.first).chat.start({ agentId: "dr_photo_recover" });
    const pdf = await upload(late.conversationId, PDF, "results.pdf");
    w.holdTheModel();
    await w.sendHeld({ ...busy, content: "First question" });
    // Stopping: what arrives now is stored and left to the next process, as a text message is.
    const stopped = w.stopFirst(Date.now() + 60_000);
    const sent = await visitor(w.first).chat.send({
      ...late,
      content: "My results",
      fileIds: [pdf],
    });
    expect(sent.reply).toBeNull();
    expect(await agentReplies(w.first, late.conversationId)).toHaveLength(0);
    w.releaseHeld();
    w.answerNewCalls();
    await stopped;

    const second = await w.recover(late.conversationId);
    const replies = await agentReplies(second.deps, late.conversationId);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.metadata.escalation?.type).toBe("unreadable_message");
    const row = await second.deps.repos.conversations.get(late.conversationId);
    expect(row?.status).toBe("NEEDS_HUMAN");
    // The document needs no model call: only the busy chat's.
    expect(w.chatCalls()).toHaveLength(1);
    expect(await second.deps.repos.inboundEvents.countQueued()).toBe(0);
  });
});
