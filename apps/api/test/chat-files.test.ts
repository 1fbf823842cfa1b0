import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs, machine } from "./helpers/auth-fixtures";
import { createAgent } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";
import { mediaFixture } from "./helpers/webhook-kit";

const PHOTO = mediaFixture("rash-photo.jpg");
const PDF = mediaFixture("test-results.pdf");

let deps: ApiDeps;
const visitor = () => callerAs(deps, { kind: "anonymous" });

beforeAll(async () => {
  deps = await createTestDeps();
  await createAgent(deps, "dr_files");
  await createAgent(deps, "dr_files_quiet", { escalation: { on_unreadable_message: "ignore" } });
});

afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

/** What `POST /files/web-chat` stores for a visitor: a file of their conversation. */
async function uploaded(conversationId: string, bytes: Buffer, name: string) {
  const record = await deps.files.saveFile({
    bytes,
    name,
    purpose: "conversation",
    conversationId,
    createdBy: "customer",
  });
  return record.fileId;
}

describe("chat.send with files", () => {
  it("a photo and a PDF with a caption: one message with both, handed to a human who can see them", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_files" });
    const photo = await uploaded(chat.conversationId, PHOTO, "rash.jpg");
    const pdf = await uploaded(chat.conversationId, PDF, "results.pdf");
    const out = await visitor().chat.send({
      ...chat,
      content: "  My rash and my results  ",
      fileIds: [photo, pdf],
    });
    expect(out.userMessage).toMatchObject({ role: "user", content: "My rash and my results" });
    // The visitor sees what they sent, through signed links (their <img> carries no token).
    expect(out.userMessage.attachments?.map((a) => [a.name, /[?&]sig=/.test(a.url)])).toEqual([
      ["rash.jpg", true],
      ["results.pdf", true],
    ]);
    // The agent cannot read files offline: the unreadable-message rule hands it over, as on channels.
    expect(out.status).toBe("NEEDS_HUMAN");
    expect(out.reply).toMatchObject({ role: "agent" });
    const stored = await deps.repos.messages.page(chat.conversationId);
    expect(stored.items[0]).toMatchObject({ kind: "file", fileIds: [photo, pdf] });
    const staff = await callerAs(deps, machine).conversations.messages({
      conversationId: chat.conversationId,
    });
    expect(staff.items[0]?.attachments?.map((a) => [a.kind, a.name, a.status])).toEqual([
      ["image", "rash.jpg", "stored"],
      ["document", "results.pdf", "stored"],
    ]);
  });

  it("the notice is in the language of the caption", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_files" });
    const photo = await uploaded(chat.conversationId, PHOTO, "сыпь.jpg");
    const out = await visitor().chat.send({
      ...chat,
      content: "Сыпь на руке, что это?",
      fileIds: [photo],
    });
    expect(out.reply?.content).toMatch(/[а-яё]/i);
  });

  it("a photo alone, on an agent that ignores media: stored as a photo, no reply", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_files_quiet" });
    const photo = await uploaded(chat.conversationId, PHOTO, "arm.jpg");
    const out = await visitor().chat.send({ ...chat, content: "", fileIds: [photo] });
    expect(out).toMatchObject({ reply: null, status: "AI_ACTIVE" });
    const stored = await deps.repos.messages.page(chat.conversationId);
    expect(stored.items.map((m) => [m.kind, m.content])).toEqual([["photo", ""]]);
  });

  it("refuses a file of another conversation, an unknown id and an empty message alike", async () => {
    const mine = await visitor().chat.start({ agentId: "dr_files_quiet" });
    const theirs = await visitor().chat.start({ agentId: "dr_files_quiet" });
    const theirFile = await uploaded(theirs.conversationId, PHOTO, "theirs.jpg");
    for (const fileIds of [[theirFile], ["f_01JUNKJUNKJUNKJUNKJUNKJUNK"]]) {
      await expect(
        visitor().chat.send({ ...mine, content: "look", fileIds }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(visitor().chat.send({ ...mine, content: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      visitor().chat.send({ ...mine, content: "x", fileIds: ["../../etc/passwd"] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await deps.repos.messages.page(mine.conversationId)).items).toHaveLength(0);
  });
});
