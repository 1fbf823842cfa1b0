import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { META_BODY_LIMIT_BYTES } from "../src/channels/webhooks/meta-webhook";
import { TELEGRAM_BODY_LIMIT_BYTES } from "../src/channels/webhooks/telegram-webhook";
import { startTestApi, type TestApi } from "./helpers/test-api";
import { metaSigned, post } from "./helpers/webhook-kit";

let t: TestApi;

const APP_SECRET = "body-limits-app-secret";

beforeAll(async () => {
  t = await startTestApi({ ENVIRONMENT: "development", WHATSAPP_APP_SECRET: APP_SECRET });
});
afterAll(() => t.close());

/**
 * Sends only the head of a request whose Content-Length promises `declared` bytes (plus a few body
 * bytes), and returns what the server answers: a server that waited for the body would never answer.
 */
function answerToHead(path: string, declared: number): Promise<string> {
  const port = new URL(t.url).port;
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1");
    let received = "";
    const guard = setTimeout(() => {
      socket.destroy();
      resolve(received || "no answer while the body was still owed");
    }, 10_000);
    socket.on("connect", () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${declared}\r\n\r\n{"entry":[`,
      );
    });
    socket.on("data", (chunk) => {
      received += chunk.toString("utf8");
    });
    socket.on("close", () => {
      clearTimeout(guard);
      resolve(received);
    });
    socket.on("error", reject);
  });
}

/** A body sent chunked (no Content-Length), so its size is only known by reading it. */
async function postChunked(path: string, bytes: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) controller.close();
      else {
        controller.enqueue(chunk);
        sent += chunk.length;
      }
    },
  });
  const res = await fetch(`${t.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    duplex: "half",
  });
  return { status: res.status, text: await res.text() };
}

describe("webhook bodies over the platform's limit", () => {
  it.each([
    ["/api/v1/whatsapp/webhook", META_BODY_LIMIT_BYTES, "3 MB"],
    ["/api/v1/instagram/webhook", META_BODY_LIMIT_BYTES, "3 MB"],
    ["/api/v1/telegram/webhook/some-binding", TELEGRAM_BODY_LIMIT_BYTES, "1 MB"],
  ])("%s: a declared 100 MB body gets a 413 before any of it is read", async (path, _, limit) => {
    const answer = await answerToHead(path, 100 * 1024 * 1024);
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 413 Payload Too Large");
    expect(answer.toLowerCase()).toContain("connection: close");
    expect(answer).toContain(`larger than this webhook's limit of ${limit}`);
  });

  it.each([
    ["/api/v1/whatsapp/webhook", META_BODY_LIMIT_BYTES],
    ["/api/v1/telegram/webhook/some-binding", TELEGRAM_BODY_LIMIT_BYTES],
  ])(
    "%s: a chunked body past the limit is drained, not kept, and refused with 413",
    async (path, limit) => {
      const res = await postChunked(path, limit + 256 * 1024);
      expect(res.status).toBe(413);
      expect(res.text).toContain("PAYLOAD_TOO_LARGE");
    },
  );

  it("a body at the limit is still read: verified, then found not to be JSON", async () => {
    const body = Buffer.alloc(META_BODY_LIMIT_BYTES, 0x20);
    const res = await post(`${t.url}/api/v1/whatsapp/webhook`, body, metaSigned(body, APP_SECRET));
    expect(res.status).toBe(400);
    expect(res.text).toContain("not valid JSON");
  });
});
