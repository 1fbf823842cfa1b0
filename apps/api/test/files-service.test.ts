import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAll } from "@agents-crm/files";
import type { ApiDeps } from "../src/deps";
import type { Staff } from "../src/auth/principal";
import { callerAs } from "./helpers/auth-fixtures";
import { createStaffDeps, failure } from "./helpers/router-kit";
import { jpegWithExif, pdf } from "@agents-crm/files/testing";

let deps: ApiDeps;
let admin: Staff;
beforeAll(async () => {
  ({ deps, admin } = await createStaffDeps());
});
afterAll(() => deps.db.close());

async function conversation() {
  return deps.repos.conversations.create({
    agentId: "demo_clinic",
    channel: "web_chat",
    status: "AI_ACTIVE",
  });
}

describe("deps.files", () => {
  it("saves a customer's photo without its GPS block, and the transcript shows it once, in one read", async () => {
    const { conversationId } = await conversation();
    const file = await deps.files.saveFile({
      bytes: jpegWithExif(800, 600),
      declaredType: "image/jpeg",
      name: "rash.jpg",
      purpose: "conversation",
      conversationId,
      agentId: "demo_clinic",
      createdBy: "customer",
    });
    expect(file).toMatchObject({
      kind: "image",
      mimeType: "image/jpeg",
      width: 800,
      status: "stored",
    });
    const opened = await deps.files.openFile(file.fileId);
    const bytes = await readAll(opened!.body);
    expect(bytes.includes("GPS")).toBe(false);
    expect(opened!.size).toBe(file.size);

    await deps.repos.messages.append({
      conversationId,
      agentId: "demo_clinic",
      role: "user",
      content: "",
      kind: "photo",
      channel: "web_chat",
      fileIds: [file.fileId],
    });
    const page = await callerAs(deps, admin).conversations.messages({ conversationId });
    expect(page.items[0]?.attachments).toEqual([
      {
        fileId: file.fileId,
        kind: "image",
        mimeType: "image/jpeg",
        size: file.size,
        name: "rash.jpg",
        url: `/files/${file.fileId}`,
        width: 800,
        height: 600,
        status: "stored",
      },
    ]);
  });

  it("refuses a staff upload that is not what it claims, and records a customer's as unsupported", async () => {
    const { conversationId } = await conversation();
    const html = new Uint8Array(Buffer.from("<html><script>alert(1)</script></html>"));
    const refused = await failure(
      deps.files.saveFile({
        bytes: html,
        declaredType: "image/png",
        purpose: "conversation",
        conversationId,
      }),
    );
    expect(refused).toMatchObject({ code: "BAD_REQUEST" });
    expect(refused.message).toContain("text/html");
    const recorded = await deps.files.saveFile({
      bytes: html,
      declaredType: "image/png",
      purpose: "conversation",
      conversationId,
      onRefusal: "record",
    });
    expect(recorded).toMatchObject({ status: "unsupported", mimeType: "text/html" });
    expect(recorded.reason).toContain("text/html");
    expect(await deps.files.openFile(recorded.fileId)).toBeNull();
  });

  it("completes a pending download, and deletes a conversation's files with it", async () => {
    const { conversationId } = await conversation();
    const pending = await deps.files.reservePending({
      purpose: "conversation",
      conversationId,
      kind: "document",
    });
    expect(await deps.files.openFile(pending.fileId)).toBeNull();
    const done = await deps.files.saveFile({
      bytes: pdf(),
      purpose: "conversation",
      conversationId,
      fileId: pending.fileId,
    });
    expect(done).toMatchObject({
      fileId: pending.fileId,
      status: "stored",
      mimeType: "application/pdf",
    });
    expect(await deps.files.deleteConversationFiles(conversationId)).toBe(1);
    expect(await deps.files.openFile(pending.fileId)).toBeNull();
    expect(await deps.repos.files.listByConversation(conversationId)).toEqual([]);
  });

  it("signs links that open one file until they expire", () => {
    const path = deps.files.signedFileUrl("f_01HAAAAAAAAAAAAAAAAAAAAAA1", 60);
    const url = new URL(path, "http://x");
    const { signer } = deps.files;
    const [exp, sig] = [url.searchParams.get("exp"), url.searchParams.get("sig")];
    expect(signer.verify("f_01HAAAAAAAAAAAAAAAAAAAAAA1", exp, sig)).toBe(true);
    expect(signer.verify("f_01HAAAAAAAAAAAAAAAAAAAAAA2", exp, sig)).toBe(false);
    expect(signer.verify("f_01HAAAAAAAAAAAAAAAAAAAAAA1", String(Number(exp) + 1), sig)).toBe(false);
    expect(
      signer.verify("f_01HAAAAAAAAAAAAAAAAAAAAAA1", exp, sig, new Date(Date.now() + 120_000)),
    ).toBe(false);
  });
});
