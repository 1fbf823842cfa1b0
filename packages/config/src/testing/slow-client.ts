import { request } from "node:http";
import { connect } from "node:net";

export interface SlowClientResult {
  /** What the server answered before it closed the connection ("" if nothing). */
  answer: string;
  /** Milliseconds from the first byte sent to the connection closing. */
  heldMs: number;
}

/**
 * A raw TCP client that sends `head` at once, then one `drip` every `everyMs` (never when 0), until
 * the server closes the connection or `giveUpMs` passes (then it rejects: the server held it).
 */
export function slowClient(
  url: string,
  options: { head: string; drip?: string; everyMs?: number; giveUpMs: number },
): Promise<SlowClientResult> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const started = Date.now();
    let answer = "";
    let timer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => {
      clearInterval(timer);
      socket.destroy();
      reject(new Error(`the server held the connection for ${options.giveUpMs} ms`));
    }, options.giveUpMs);
    socket.on("connect", () => {
      socket.write(options.head);
      if (options.drip && options.everyMs) {
        timer = setInterval(() => {
          if (!socket.destroyed) socket.write(options.drip ?? "");
        }, options.everyMs);
      }
    });
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    // Writes racing the server's close fail; what matters is when it closed.
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ answer, heldMs: Date.now() - started });
    });
  });
}

export const postHead = (path: string, contentLength: number, type = "application/json") =>
  `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${type}\r\n` +
  `Content-Length: ${contentLength}\r\n\r\n`;

/**
 * POSTs `body` in `pieces` equal parts, one every `everyMs`: a slow but steady upload, never idle for
 * longer than `everyMs`. Resolves with the status and the whole answer.
 */
export function postSteadily(
  url: string,
  body: Buffer,
  headers: Record<string, string>,
  options: { pieces: number; everyMs: number },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": String(body.length),
          ...headers,
        },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    const size = Math.ceil(body.length / options.pieces);
    let sent = 0;
    const next = () => {
      req.write(body.subarray(sent, sent + size));
      sent += size;
      if (sent >= body.length) req.end();
      else setTimeout(next, options.everyMs);
    };
    next();
  });
}
