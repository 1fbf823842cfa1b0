import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHostileApi, type HostileApi } from "./helpers/hostile-api";
import { agentDocument } from "./helpers/chat-kit";
import { buildPdf } from "@agents-crm/config/testing/pdf-fixture";
import { postJson, trpcError } from "./helpers/raw-http";

let api: HostileApi;
const AGENT = "dr_library_http";
beforeAll(async () => {
  api = await startHostileApi();
  const created = await postJson(
    `${api.t.url}/trpc/agents.create`,
    JSON.stringify({
      json: { agentId: AGENT, config: agentDocument(AGENT, { rag: { enabled: true } }) },
    }),
    { cookie: api.cookie.admin },
  );
  expect(created.status).toBe(200);
}, 60_000);
afterAll(() => api.t.close());

const url = (path: string) => `${api.t.url}${path}`;
const PRICES = buildPdf([["Price list 2026"], ["Cleaning 3000. Whitening 9000."]]);
const LIBRARY_HEADERS = {
  "content-type": "application/pdf",
  "x-file-name": encodeURIComponent("Прайс-лист.pdf"),
  "x-file-purpose": "library",
  "x-agent-id": AGENT,
};

describe("a library document uploaded over HTTP", () => {
  it("POST /files with X-File-Purpose: library, then knowledge.create: indexed and listed", async () => {
    const res = await fetch(url("/files"), {
      method: "POST",
      body: PRICES,
      headers: { cookie: api.cookie.admin, ...LIBRARY_HEADERS },
    });
    expect(res.status).toBe(201);
    const { file } = (await res.json()) as { file: { fileId: string; kind: string; name: string } };
    expect(file).toMatchObject({ kind: "document", name: "Прайс-лист.pdf" });
    const stored = await api.t.deps.repos.files.get(file.fileId);
    expect(stored).toMatchObject({ agentId: AGENT });
    expect(stored?.conversationId ?? null).toBeNull();

    const created = await postJson(
      url("/trpc/knowledge.create"),
      JSON.stringify({
        json: { agentId: AGENT, fileId: file.fileId, folder: "Прайсы", sendable: true },
      }),
      { cookie: api.cookie.admin },
    );
    expect(created.status).toBe(200);
    const document = (created.json as { result: { data: { json: Record<string, unknown> } } })
      .result.data.json;
    expect(document).toMatchObject({
      kind: "pdf",
      fileId: file.fileId,
      fileName: "Прайс-лист.pdf",
      folder: "Прайсы",
      sendable: true,
    });
    await api.t.deps.work.drain();

    const input = encodeURIComponent(JSON.stringify({ json: { agentId: AGENT } }));
    const listed = await fetch(url(`/trpc/knowledge.list?input=${input}`), {
      headers: { cookie: api.cookie.operator },
    });
    expect(listed.status).toBe(200);
    const [ready] = ((await listed.json()) as { result: { data: { json: unknown[] } } }).result.data
      .json as Record<string, unknown>[];
    expect(ready).toMatchObject({ documentId: document.documentId, state: "ready", progress: 100 });

    // The stored file is served to staff as the bytes uploaded.
    const got = await fetch(url(`/files/${file.fileId}`), {
      headers: { cookie: api.cookie.operator },
    });
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(PRICES))).toBe(true);
  });

  it("refuses a library upload without an agent, for an unknown agent, or unsigned, with a clear 4xx", async () => {
    const upload = (headers: Record<string, string>) =>
      fetch(url("/files"), { method: "POST", body: PRICES, headers });
    const { "x-agent-id": _agent, ...noAgent } = LIBRARY_HEADERS;
    expect((await upload({ cookie: api.cookie.admin, ...noAgent })).status).toBe(400);
    const unknown = await upload({
      cookie: api.cookie.admin,
      ...LIBRARY_HEADERS,
      "x-agent-id": "nobody",
    });
    expect(unknown.status).toBe(404);
    expect((await upload(LIBRARY_HEADERS)).status).toBe(401);
  });

  it("an operator can neither upload a library file nor add one to the library", async () => {
    const upload = await fetch(url("/files"), {
      method: "POST",
      body: PRICES,
      headers: { cookie: api.cookie.operator, ...LIBRARY_HEADERS },
    });
    expect(upload.status).toBe(403);
    expect(((await upload.json()) as { error: { message: string } }).error.message).toBe(
      "Only owners and admins upload library documents",
    );
    const res = await fetch(url("/files"), {
      method: "POST",
      body: PRICES,
      headers: { cookie: api.cookie.admin, ...LIBRARY_HEADERS },
    });
    const { file } = (await res.json()) as { file: { fileId: string } };
    const refused = await postJson(
      url("/trpc/knowledge.create"),
      JSON.stringify({ json: { agentId: AGENT, fileId: file.fileId } }),
      { cookie: api.cookie.operator },
    );
    expect(trpcError(refused.json).httpStatus).toBe(403);
  });
});
