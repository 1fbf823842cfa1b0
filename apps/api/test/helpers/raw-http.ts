import { request } from "node:http";

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The parsed body; null when it is not JSON. */
  json: unknown;
}

/**
 * One request with node:http, which reads an answer the server sends before it has read the whole body
 * (a 413), and ignores the write error that follows when the server then closes the connection.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      url,
      { method: options.method ?? "POST", headers: options.headers },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    req.end(options.body);
  });
}

export const postJson = (
  url: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
) => rawRequest(url, { body, headers: { "content-type": "application/json", ...headers } });

/** `{"json":[{},{},…]}` of about `bytes` bytes: the cheapest bytes that cost the most objects. */
export function tinyObjects(bytes: number): string {
  return `{"json":[${"{},".repeat(Math.max(0, Math.floor(bytes / 3) - 4))}{}]}`;
}

/** The message and code of a tRPC error answer (superjson), single call or the first of a batch. */
export function trpcError(json: unknown): { message: string; code: string; httpStatus: number } {
  const first = (Array.isArray(json) ? json[0] : json) as {
    error?: { json?: { message?: string; data?: { code?: string; httpStatus?: number } } };
  };
  const error = first.error?.json;
  return {
    message: error?.message ?? "",
    code: error?.data?.code ?? "",
    httpStatus: error?.data?.httpStatus ?? 0,
  };
}
