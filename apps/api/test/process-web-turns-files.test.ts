import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeOpenAI, type FakeOpenAI } from "@agents-crm/ai/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelApiEnv, startApiProcess, trpcWith } from "./helpers/api-process";
import { agentDocument, modelAnswer, waitUntil } from "./helpers/chat-kit";

// The API as its own process (OPENAI_VISION on) killed with kill -9 while the model reads a web-chat
// visitor's photo, then started again on the same DATA_DIR: the photo is answered exactly once, by the
// restarted process, as a text message is (process-web-turns.test.ts).

const ADMIN_TOKEN = "web-turns-files-admin-token-0123456789ab";
const AGENT = "web_turns_files_clinic";
const PHOTO = readFileSync(new URL("./fixtures/media/rash-photo.jpg", import.meta.url));

let dataDir = "";
let llm: FakeOpenAI;
const children = new Set<ChildProcess>();
let gate: Promise<void> | null = null;
let openGate = () => {};

async function startApi() {
  const { child, url } = await startApiProcess({
    env: modelApiEnv(
      { dataDir, adminToken: ADMIN_TOKEN, llmUrl: llm.url },
      { SHUTDOWN_TIMEOUT: "3", OPENAI_VISION: "true" },
    ),
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return { child, url, listeningAt: Date.now() };
}

async function stopApi(child: ChildProcess, how: "SIGTERM" | "SIGKILL") {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(how);
  await exited;
}

const trpc = <T>(url: string, path: string, input: unknown, method: "GET" | "POST") =>
  trpcWith<T>(ADMIN_TOKEN, url, path, input, method);
type Chat = { conversationId: string; token: string };

/** The visitor's upload (`POST /files/web-chat`), as the chat's paper-clip does. */
async function upload(url: string, chat: Chat): Promise<string> {
  const res = await fetch(`${url}/files/web-chat`, {
    method: "POST",
    headers: {
      "content-type": "image/jpeg",
      "x-file-name": "rash.jpg",
      "x-web-chat-conversation": chat.conversationId,
      "x-web-chat-token": chat.token,
    },
    body: PHOTO,
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { file: { fileId: string } };
  return body.file.fileId;
}

const photoCalls = () =>
  llm.requests.filter((r) => r.endpoint === "chat" && (r.chat?.lastUserImages.length ?? 0) > 0);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "agents-crm-web-turns-files-"));
  llm = await startFakeOpenAI({
    responder: async () => {
      if (gate) await gate;
      return modelAnswer(`Answer #${llm.requests.length}`);
    },
  });
  const api = await startApi();
  await trpc(api.url, "agents.create", { agentId: AGENT, config: agentDocument(AGENT) }, "POST");
  await stopApi(api.child, "SIGTERM");
}, 60_000);

afterAll(async () => {
  openGate();
  for (const child of children) child.kill("SIGKILL");
  await llm.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("kill -9 while the model reads a web-chat visitor's photo", () => {
  it("after a restart on the same data the photo is answered exactly once", async () => {
    gate = new Promise<void>((resolve) => (openGate = resolve));
    const first = await startApi();
    const chat = await trpc<Chat>(first.url, "chat.start", { agentId: AGENT }, "POST");
    const fileId = await upload(first.url, chat);
    trpc(first.url, "chat.send", { ...chat, content: "What is this?", fileIds: [fileId] }, "POST")
      // The process is killed before it answers.
      .catch(() => undefined);
    await waitUntil(() => photoCalls().length === 1, 20_000);

    await stopApi(first.child, "SIGKILL");
    openGate();
    gate = null;

    const second = await startApi();
    const agentReplies = async () => {
      const page = await trpc<{ items: { role: string }[] }>(
        second.url,
        "chat.history",
        chat,
        "GET",
      );
      return page.items.filter((m) => m.role === "agent");
    };
    await waitUntil(async () => (await agentReplies()).length > 0, 40_000);
    console.info(
      `[web-turn recovery] kill -9 with a photo: reply ${Date.now() - second.listeningAt} ms after the restart was listening`,
    );
    expect(await agentReplies()).toHaveLength(1);
    await stopApi(second.child, "SIGTERM");
    // The killed call and the restart's, which read the photo again; nothing else.
    expect(photoCalls()).toHaveLength(2);
  }, 90_000);
});
