import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUser, TEST_PASSWORD } from "./helpers/auth-fixtures";
import { agentDocument } from "./helpers/chat-kit";
import { postJson, rawRequest, tinyObjects, trpcError } from "./helpers/raw-http";
import { startTestApi, type TestApi } from "./helpers/test-api";

// Regression: `{"json":[{},{},…]}` of 7 MB to a public procedure took ~45 MB of heap per MB of body
// (JSON.parse plus superjson's copy) and ran the API out of memory; nothing bounded a body's structure.
const TOKEN = "hostile-bodies-token-0123456789";
const MB = 1024 * 1024;
const bearer = { authorization: `Bearer ${TOKEN}` };
let t: TestApi;
let adminCookie = "";

beforeAll(async () => {
  t = await startTestApi({ ADMIN_TOKEN: TOKEN });
  const admin = await seedUser(t.deps, { role: "admin" });
  const login = await postJson(
    `${t.url}/trpc/auth.login`,
    JSON.stringify({ json: { email: admin.email, password: TEST_PASSWORD } }),
  );
  adminCookie = String(login.headers["set-cookie"]?.[0] ?? "").split(";")[0] ?? "";
});
afterAll(async () => {
  await t.close();
});

async function healthy() {
  return (await fetch(`${t.url}/health`)).status;
}

function documentUpload(bytes: number): string {
  const dataBase64 = Buffer.alloc(bytes, "knowledge line\n").toString("base64");
  return JSON.stringify({ json: { filename: "notes.txt", mimeType: "text/plain", dataBase64 } });
}

describe("bodies from callers who have not signed in", () => {
  it.each(["chat.start", "auth.login", "chat.send", "auth.requestCode", "auth.verifyCode"])(
    "a 7 MB body of tiny objects to %s is refused with 413 naming the 64 KB limit",
    async (path) => {
      const answer = await postJson(`${t.url}/trpc/${path}`, tinyObjects(7 * MB));
      expect(answer.status).toBe(413);
      expect(trpcError(answer.json)).toEqual({
        code: "PAYLOAD_TOO_LARGE",
        httpStatus: 413,
        message: `Request body is larger than 64 KB, the limit for ${path}`,
      });
      expect(await healthy()).toBe(200);
    },
  );

  it("a well-formed sign-in just over 64 KB is refused too", async () => {
    const body = JSON.stringify({
      json: { email: "a@example.test", password: "p".repeat(66_000) },
    });
    const answer = await postJson(`${t.url}/trpc/auth.login`, body);
    expect(answer.status).toBe(413);
  });

  it("an upload says that signing in allows more, without reading the body", async () => {
    const answer = await postJson(`${t.url}/trpc/agents.extractDocument`, documentUpload(2 * MB));
    expect(answer.status).toBe(413);
    expect(trpcError(answer.json).message).toBe(
      "Request body is larger than 64 KB, the limit without signing in " +
        "(agents.extractDocument accepts up to 15 MB from signed-in staff)",
    );
  });

  it("a body with a wrong or missing Content-Length is bounded as it streams", async () => {
    const answer = await rawRequest(`${t.url}/trpc/chat.start`, {
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      body: JSON.stringify({ json: { agentId: "a".repeat(3 * MB) } }),
    });
    expect(answer.status).toBe(413);
  });

  it("under 64 KB, a body of more than 10,000 values is refused with 400 before parsing", async () => {
    const answer = await postJson(`${t.url}/trpc/chat.send`, tinyObjects(60 * 1024));
    expect(answer.status).toBe(400);
    expect(trpcError(answer.json).message).toBe("Request body has more than 10,000 JSON values");
  });

  it("nesting deeper than 64 levels is refused with 400", async () => {
    const answer = await postJson(
      `${t.url}/trpc/auth.login`,
      `{"json":${"[".repeat(5000)}${"]".repeat(5000)}}`,
    );
    expect(answer.status).toBe(400);
    expect(trpcError(answer.json).message).toBe("Request body is nested deeper than 64 levels");
  });

  it("every call of a batch gets the refusal", async () => {
    const answer = await postJson(
      `${t.url}/trpc/auth.login,chat.start?batch=1`,
      tinyObjects(7 * MB),
    );
    expect(answer.status).toBe(413);
    expect(Array.isArray(answer.json) && answer.json.length).toBe(2);
    expect(trpcError(answer.json).message).toBe(
      "Request body is larger than 64 KB, the limit for auth.login, chat.start",
    );
  });

  it("bodies that are not JSON are refused unread with 415", async () => {
    const answer = await rawRequest(`${t.url}/trpc/chat.start`, {
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
    });
    expect(answer.status).toBe(415);
    expect(trpcError(answer.json).message).toBe("Request bodies must be application/json");
  });

  it("a query's input is shape-checked too, and the URL is bounded by the header limit", async () => {
    const deep = encodeURIComponent(`{"json":${"[".repeat(100)}${"]".repeat(100)}}`);
    const answer = await rawRequest(`${t.url}/trpc/auth.me?input=${deep}`, { method: "GET" });
    expect(answer.status).toBe(400);
    expect(trpcError(answer.json).message).toBe("Query input is nested deeper than 64 levels");
    const long = await rawRequest(`${t.url}/trpc/auth.me?input=${"1,".repeat(20_000)}`, {
      method: "GET",
    });
    expect(long.status).toBe(431);
    expect(await healthy()).toBe(200);
  });
});

describe("bodies from signed-in staff and the API token", () => {
  it("a 15 MB body of tiny objects to the upload procedure is refused with 400, cheaply", async () => {
    const before = process.memoryUsage().rss;
    const answer = await postJson(
      `${t.url}/trpc/agents.extractDocument`,
      tinyObjects(15 * MB - 64),
      bearer,
    );
    expect(answer.status).toBe(400);
    expect(trpcError(answer.json).message).toBe("Request body has more than 10,000 JSON values");
    // Refused on the first 30 KB: the 15 MB were never held (before the fix: +1.3 GB).
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });

  it("a procedure that declares nothing keeps the 64 KB limit for staff", async () => {
    const answer = await postJson(
      `${t.url}/trpc/chat.send`,
      JSON.stringify({ json: { content: "x".repeat(100_000) } }),
      bearer,
    );
    expect(answer.status).toBe(413);
    expect(trpcError(answer.json).message).toBe(
      "Request body is larger than 64 KB, the limit for chat.send",
    );
  });

  it("an invalid token gets the anonymous limit", async () => {
    const answer = await postJson(`${t.url}/trpc/agents.extractDocument`, documentUpload(MB), {
      authorization: "Bearer not-the-token-at-all-0123",
    });
    expect(answer.status).toBe(413);
  });

  it("a 10 MB document upload still works, with the API token and with an admin's session", async () => {
    for (const headers of [bearer, { cookie: adminCookie }]) {
      const answer = await postJson(
        `${t.url}/trpc/agents.extractDocument`,
        documentUpload(10 * MB - 1024),
        headers,
      );
      expect(answer.status).toBe(200);
      expect(answer.text).toContain("knowledge line");
    }
  });

  it("agent procedures take documents and conversations over 64 KB from an admin's session", async () => {
    const config = agentDocument("big_knowledge", {
      rag: {
        enabled: true,
        sources: [
          { id: "faq", title: "FAQ", type: "text", content: "Opening hours. ".repeat(15_000) },
        ],
      },
    });
    const created = await postJson(
      `${t.url}/trpc/agents.create`,
      JSON.stringify({ json: { agentId: "big_knowledge", config } }),
      { cookie: adminCookie },
    );
    expect(created.status).toBe(200);
    const history = Array.from({ length: 100 }, (_, i) => ({
      role: i % 2 === 0 ? "user" : "agent",
      content: "A long earlier message. ".repeat(370),
    }));
    const played = await postJson(
      `${t.url}/trpc/agents.playground`,
      JSON.stringify({ json: { config, history, message: "When are you open?" } }),
      { cookie: adminCookie },
    );
    expect(played.status).toBe(200);
  });
});

describe("WebSocket frames", () => {
  function exchange(frames: string[], answers: number): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(t.wsUrl);
      const got: string[] = [];
      ws.on("open", () => frames.forEach((frame) => ws.send(frame)));
      ws.on("message", (data: Buffer) => {
        got.push(data.toString());
        if (got.length === answers) {
          ws.close();
          resolve(got);
        }
      });
      ws.on("error", reject);
      ws.on("close", () => resolve(got));
    });
  }

  it("an anonymous 1 MB frame of tiny objects is refused before parsing; the socket still works", async () => {
    const hostile = `{"id":1,"method":"mutation","params":{"path":"chat.start","input":${tinyObjects(MB - 200)}}}`;
    const call = JSON.stringify({ id: 2, method: "query", params: { path: "auth.me", input: {} } });
    const [refusal, answer] = await exchange([hostile, call], 2);
    expect(JSON.parse(refusal ?? "{}")).toMatchObject({
      id: null,
      error: { json: { message: "Message has more than 10,000 JSON values" } },
    });
    expect(JSON.parse(answer ?? "{}"), answer).toMatchObject({ id: 2, result: { type: "data" } });
    expect(await healthy()).toBe(200);
  });
});
