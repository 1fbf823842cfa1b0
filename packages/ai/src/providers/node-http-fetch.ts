import { request as httpRequest, Agent as HttpAgent, type IncomingMessage } from "node:http";
import { request as httpsRequest, Agent as HttpsAgent } from "node:https";
import { Readable, type Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";

// Connections are kept open between calls: a turn makes several (moderation, embedding, chat).
const agents = {
  "http:": new HttpAgent({ keepAlive: true }),
  "https:": new HttpsAgent({ keepAlive: true }),
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

function decoded(res: IncomingMessage): Readable {
  const decoder = DECODERS[res.headers["content-encoding"] ?? ""];
  return decoder ? res.pipe(decoder()) : res;
}

function responseHeaders(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (name === "content-encoding" || name === "content-length" || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

/**
 * `fetch` for the OpenAI SDK over node:http with keep-alive agents. The built-in fetch sends each body
 * through web streams in several socket writes and reads every answer through them too, which cost the
 * turn about half a millisecond of CPU per call and more in waiting; here a JSON body is one write and an
 * answer is read whole, except an event stream (a streamed reply), which the SDK reads as it arrives.
 * Bodies other than text or bytes, and redirects, are left to the built-in fetch.
 */
export const nodeHttpFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : input);
  const body = init?.body ?? undefined;
  const agent = agents[url.protocol as keyof typeof agents];
  if (
    input instanceof Request ||
    !agent ||
    (body !== undefined && typeof body !== "string" && !(body instanceof Uint8Array))
  ) {
    return fetch(input, init);
  }
  const method = init?.method ?? "GET";
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    headers[name] = value;
  });
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<Response>((resolve, reject) => {
    const req = send(url, { method, headers, agent, signal: init?.signal ?? undefined }, (res) => {
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) && init?.redirect !== "manual") {
        res.resume();
        resolve(fetch(input, init));
        return;
      }
      const stream = decoded(res);
      const options = { status, statusText: res.statusMessage, headers: responseHeaders(res) };
      if (String(res.headers["content-type"]).startsWith("text/event-stream")) {
        resolve(new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, options));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", reject);
      stream.on("end", () => {
        const whole = Buffer.concat(chunks);
        resolve(new Response(status === 204 || status === 304 ? null : whole, options));
      });
    });
    req.on("error", reject);
    req.end(body);
  });
};
