import { pdf, png } from "@agents-crm/files/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { callerAs, machine, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createAgent } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

// Staff send files to a web-chat visitor: the visitor's history carries them as signed links to their
// own conversation's files; only the uploader's files of this conversation may be sent.

let deps: ApiDeps;
const visitor = () => callerAs(deps, { kind: "anonymous" });

beforeAll(async () => {
  deps = await createTestDeps();
  await createAgent(deps, "dr_reply_files");
});
afterAll(async () => {
  await closeConversationRuntime(deps);
  await deps.db.close();
});

/** What `POST /files` stores for staff: a file of the conversation, by its uploader. */
async function staffUpload(conversationId: string, bytes: Buffer, name: string, by = machine.id) {
  const record = await deps.files.saveFile({
    bytes: new Uint8Array(bytes),
    name,
    purpose: "conversation",
    conversationId,
    createdBy: by,
    onRefusal: "throw",
  });
  return record.fileId;
}

describe("staff reply with files on the web chat", () => {
  it("the visitor's history has the image and the PDF as signed links under the caption", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_reply_files" });
    await visitor().chat.send({ ...chat, content: "Can you send the price list?" });
    const image = await staffUpload(chat.conversationId, png(40, 30), "map.png");
    const list = await staffUpload(chat.conversationId, pdf(), "Прайс.pdf");
    const staff = callerAs(deps, machine);
    const { message, conversation } = await staff.conversations.reply({
      conversationId: chat.conversationId,
      content: "Вот прайс и схема проезда",
      fileIds: [image, list],
    });
    expect(message.fileIds).toEqual([image, list]);
    // Sending a file is replying: staff take over.
    expect(conversation.status).toBe("HUMAN_ACTIVE");

    const history = await visitor().chat.history({ ...chat });
    const sent = history.items.find((m) => m.messageId === message.messageId);
    expect(sent?.content).toBe("Вот прайс и схема проезда");
    expect(sent?.attachments?.map((a) => [a.kind, a.name])).toEqual([
      ["image", "map.png"],
      ["document", "Прайс.pdf"],
    ]);
    for (const attachment of sent?.attachments ?? []) {
      const url = new URL(attachment.url, "http://api.local");
      expect(
        deps.files.signer.verify(
          attachment.fileId,
          url.searchParams.get("exp"),
          url.searchParams.get("sig"),
        ),
      ).toBe(true);
    }

    // Staff see it in the transcript; the inbox preview is the caption.
    const transcript = await staff.conversations.messages({ conversationId: chat.conversationId });
    const mine = transcript.items.find((m) => m.messageId === message.messageId);
    expect(mine?.attachments?.map((a) => a.fileId)).toEqual([image, list]);
  });

  it("files only, no text: the preview names them", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_reply_files" });
    const list = await staffUpload(chat.conversationId, pdf(), "prices.pdf");
    const { conversation } = await callerAs(deps, machine).conversations.reply({
      conversationId: chat.conversationId,
      content: "",
      fileIds: [list],
    });
    expect(conversation.lastMessagePreview ?? "").toContain("prices.pdf");
  });

  it("a colleague's upload, a visitor's upload and another conversation's file are refused", async () => {
    const chat = await visitor().chat.start({ agentId: "dr_reply_files" });
    const other = await visitor().chat.start({ agentId: "dr_reply_files" });
    const operator = await seedUser(deps, { role: "operator" });
    const colleagues = await staffUpload(chat.conversationId, png(4, 4), "a.png", operator.userId);
    const visitors = await staffUpload(chat.conversationId, png(4, 4), "b.png", "customer");
    const elsewhere = await staffUpload(other.conversationId, png(4, 4), "c.png");
    const staff = callerAs(deps, machine);
    for (const fileId of [colleagues, visitors, elsewhere]) {
      await expect(
        staff.conversations.reply({
          conversationId: chat.conversationId,
          content: "",
          fileIds: [fileId],
        }),
      ).rejects.toThrow(/no such file was uploaded for this conversation/);
    }
    // The operator may send their own.
    await callerAs(deps, principalOf(operator)).conversations.reply({
      conversationId: chat.conversationId,
      content: "",
      fileIds: [colleagues],
    });
    await expect(
      staff.conversations.reply({
        conversationId: chat.conversationId,
        content: "",
        fileIds: [colleagues, colleagues],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
