import type { IncomingMessage, ServerResponse } from "node:http";

export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? null : (JSON.parse(text) as unknown);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = "application/json",
): void {
  if (res.destroyed) return;
  const payload = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The OpenAI error envelope. */
export function openAIError(
  message: string,
  type: string,
  code: string | null = null,
  param: string | null = null,
) {
  return { error: { message, type, param, code } };
}

export function defaultErrorBody(status: number) {
  if (status === 429) {
    return openAIError("Rate limit reached for requests", "requests", "rate_limit_exceeded");
  }
  if (status >= 500)
    return openAIError("The server had an error while processing your request.", "server_error");
  if (status === 401)
    return openAIError("Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
  return openAIError("Invalid request.", "invalid_request_error");
}

/** About 4 characters per token, like the real tokenizer on English text. */
export function fakeTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}
