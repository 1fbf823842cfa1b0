import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jpegWithExif, pdf } from "@agents-crm/files/testing";
import { startChat } from "./helpers/files-http-kit";
import { startHostileApi, type HostileApi } from "./helpers/hostile-api";

let api: HostileApi;
beforeAll(async () => {
  api = await startHostileApi();
}, 60_000);
afterAll(() => api.t.close());

const url = (path: string) => `${api.t.url}${path}`;

async function staffUpload(
  body: Uint8Array,
  headers: Record<string, string>,
  cookie = api.cookie.operator,
) {
  return fetch(url("/files"), {
    method: "POST",
    body,
    headers: { cookie, ...headers },
  });
}

describe("POST /files (staff uploads)", () => {
  it("stores a photo for a conversation and answers its view, without the GPS block", async () => {
    const chat = await startChat(api);
    const res = await staffUpload(jpegWithExif(1024, 768), {
      "content-type": "image/jpeg",
      "x-file-name": encodeURIComponent("снимок.jpg"),
      "x-conversation-id": chat.conversationId,
    });
    expect(res.status).toBe(201);
    const { file } = (await res.json()) as { file: { fileId: string; url: string; name: string } };
    expect(file).toMatchObject({
      kind: "image",
      mimeType: "image/jpeg",
      width: 1024,
      name: "снимок.jpg",
    });

    const got = await fetch(url(file.url), { headers: { cookie: api.cookie.admin } });
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/jpeg");
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(got.headers.get("cache-control")).toMatch(/^private, max-age=\d+$/);
    expect(got.headers.get("content-security-policy")).toContain("sandbox");
    expect(got.headers.get("content-disposition")).toBe(
      `inline; filename="______.jpg"; filename*=UTF-8''${encodeURIComponent("снимок.jpg")}`,
    );
    const bytes = Buffer.from(await got.arrayBuffer());
    expect(Number(got.headers.get("content-length"))).toBe(bytes.length);
    expect(bytes.includes("GPS")).toBe(false);
  });

  it("serves documents as downloads", async () => {
    const chat = await startChat(api);
    const res = await staffUpload(pdf(), {
      "content-type": "application/pdf",
      "x-file-name": "prices.pdf",
      "x-conversation-id": chat.conversationId,
    });
    const { file } = (await res.json()) as { file: { url: string } };
    const got = await fetch(url(file.url), { headers: { cookie: api.cookie.operator } });
    expect(got.headers.get("content-disposition")).toMatch(/^attachment; filename="prices.pdf"/);
  });

  it("refuses an HTML page declared as image/png with 415 naming what it is", async () => {
    const chat = await startChat(api);
    const res = await staffUpload(Buffer.from("<!doctype html><script>alert(1)</script>"), {
      "content-type": "image/png",
      "x-file-name": "photo.png",
      "x-conversation-id": chat.conversationId,
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      "text/html",
    );
  });

  it("refuses a file above its kind's limit with 413 before reading it", async () => {
    const chat = await startChat(api);
    const res = await fetch(url("/files"), {
      method: "POST",
      headers: {
        cookie: api.cookie.operator,
        "content-type": "image/jpeg",
        "content-length": String(11 * 1024 * 1024),
        "x-conversation-id": chat.conversationId,
      },
      body: new Uint8Array(11 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      "The file is larger than 10 MB, the limit for images",
    );
  });

  it("needs a signed-in caller and a conversation that exists", async () => {
    const chat = await startChat(api);
    const anonymous = await staffUpload(
      pdf(),
      { "content-type": "application/pdf", "x-conversation-id": chat.conversationId },
      "",
    );
    expect(anonymous.status).toBe(401);
    const nowhere = await staffUpload(pdf(), {
      "content-type": "application/pdf",
      "x-conversation-id": "no-such-conversation",
    });
    expect(nowhere.status).toBe(404);
    const unnamed = await staffUpload(pdf(), { "content-type": "application/pdf" });
    expect(unnamed.status).toBe(400);
  });
});

describe("GET /files/<fileId>: who may read", () => {
  it("lets the visitor read its own files and nobody else's; strangers get 404", async () => {
    const mine = await startChat(api);
    const theirs = await startChat(api);
    const upload = await fetch(url("/files/web-chat"), {
      method: "POST",
      body: jpegWithExif(40, 30),
      headers: {
        "content-type": "image/jpeg",
        "x-web-chat-conversation": mine.conversationId,
        "x-web-chat-token": mine.token,
      },
    });
    expect(upload.status).toBe(201);
    const { file } = (await upload.json()) as { file: { fileId: string; url: string } };
    // The view's url is a signed link: an <img> needs nothing else.
    expect(file.url).toMatch(/^\/files\/f_\w+\?exp=\d+&sig=[\w-]{43}$/);
    expect((await fetch(url(file.url))).status).toBe(200);

    const plain = `/files/${file.fileId}`;
    const as = (chat: { conversationId: string; token: string }) =>
      fetch(url(plain), {
        headers: { "x-web-chat-conversation": chat.conversationId, "x-web-chat-token": chat.token },
      });
    expect((await as(mine)).status).toBe(200);
    expect((await as(theirs)).status).toBe(404);
    expect((await as({ conversationId: mine.conversationId, token: theirs.token })).status).toBe(
      404,
    );
    const stranger = await fetch(url(plain));
    expect(stranger.status).toBe(404);
    // The same answer as for an id that does not exist.
    const missing = await fetch(url("/files/f_01HZZZZZZZZZZZZZZZZZZZZZZZ"));
    expect(await stranger.text()).toBe(await missing.text());
  });

  it("honours a signed link only for its file and until it expires", async () => {
    const chat = await startChat(api);
    const res = await staffUpload(pdf(), {
      "content-type": "application/pdf",
      "x-conversation-id": chat.conversationId,
    });
    const { file } = (await res.json()) as { file: { fileId: string } };
    const link = api.t.deps.files.signedFileUrl(file.fileId, 60);
    expect((await fetch(url(link))).status).toBe(200);
    const other = await staffUpload(pdf(), {
      "content-type": "application/pdf",
      "x-conversation-id": chat.conversationId,
    });
    const { file: second } = (await other.json()) as { file: { fileId: string } };
    const forged = link.replace(file.fileId, second.fileId);
    expect((await fetch(url(forged))).status).toBe(404);
    const expired = link.replace(/exp=\d+/, "exp=1000");
    expect((await fetch(url(expired))).status).toBe(404);
  });

  it.each([
    "/files/..%2F..%2Fsecret.key",
    "/files/../secret.key",
    "/files/%2e%2e",
    "/files/f_1%00",
    "/files/conversations%2Fx%2Ff_1",
    "/files/" + "f_" + "A".repeat(500),
  ])("answers 404 to the hostile id %s", async (path) => {
    const res = await fetch(url(path), { headers: { cookie: api.cookie.admin } });
    expect(res.status).toBe(404);
    expect(api.failures).toEqual([]);
  });

  it("lets the visitor upload only images and PDFs", async () => {
    const chat = await startChat(api);
    const res = await fetch(url("/files/web-chat"), {
      method: "POST",
      body: Buffer.from("just text"),
      headers: {
        "content-type": "text/plain",
        "x-web-chat-conversation": chat.conversationId,
        "x-web-chat-token": chat.token,
      },
    });
    expect(res.status).toBe(415);
    const stranger = await fetch(url("/files/web-chat"), {
      method: "POST",
      body: pdf(),
      headers: {
        "content-type": "application/pdf",
        "x-web-chat-conversation": chat.conversationId,
      },
    });
    expect(stranger.status).toBe(404);
  });

  it("serves ranges of audio", async () => {
    const chat = await startChat(api);
    const ogg = Buffer.concat([Buffer.from("OggS\0\x02", "latin1"), Buffer.alloc(200, 1)]);
    const saved = await api.t.deps.files.saveFile({
      bytes: ogg,
      purpose: "conversation",
      conversationId: chat.conversationId,
      kind: "voice",
    });
    const res = await fetch(url(`/files/${saved.fileId}`), {
      headers: { cookie: api.cookie.operator, range: "bytes=10-19" },
    });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes 10-19/${ogg.length}`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(ogg.subarray(10, 20));
    const beyond = await fetch(url(`/files/${saved.fileId}`), {
      headers: { cookie: api.cookie.operator, range: `bytes=${ogg.length + 5}-` },
    });
    expect(beyond.status).toBe(416);
  });
});
