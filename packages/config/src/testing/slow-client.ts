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
