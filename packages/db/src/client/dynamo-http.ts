import type { IncomingMessage, ServerResponse } from "node:http";
import {
  isAnswerError,
  isOperation,
  isWrite,
  runOperation,
  validateInput,
  type Operation,
} from "./dynalite-actions";
import type { RecoveringStore } from "./embedded-store";

export const MAX_BODY_BYTES = 16 * 1024 * 1024; // dynalite's own limit
const ERROR_TYPE = "com.amazonaws.dynamodb.v20120810#";
const CORAL = "com.amazon.coral.service#";

export interface Answer {
  status: number;
  body: unknown;
}

/** InternalServerError: the SDK retries it, then our code sees a server fault (the API answers 503). */
const unavailable = (message: string): Answer => ({
  status: 500,
  body: { __type: `${ERROR_TYPE}InternalServerError`, message: `Storage unavailable: ${message}` },
});

async function answer(stores: RecoveringStore, operation: Operation, input: unknown) {
  if (isWrite(operation)) {
    const fault = stores.fault();
    if (fault) return unavailable(`writes are paused until the storage recovers (${fault})`);
  }
  const store = await stores.ready();
  let data: unknown;
  try {
    data = validateInput(store, operation, input);
  } catch (error) {
    if (isAnswerError(error)) return { status: error.statusCode, body: error.body };
    throw error;
  }
  const outcome = await runOperation(store, operation, data);
  if (outcome.ok) return { status: 200, body: outcome.result };
  const { error } = outcome;
  if (isAnswerError(error)) return { status: error.statusCode, body: error.body };
  stores.report(error);
  return unavailable(error instanceof Error ? error.message : String(error));
}

/**
 * One operation on already-parsed input, answered as the HTTP endpoint would (every failure an answer):
 * the in-process document client's path, without JSON or the SDK in between.
 */
export async function answerOperation(
  stores: RecoveringStore,
  operation: Operation,
  input: unknown,
): Promise<Answer> {
  try {
    return await answer(stores, operation, input);
  } catch (error) {
    return {
      status: 500,
      body: {
        __type: `${ERROR_TYPE}InternalServerError`,
        message: error instanceof Error ? error.message : String(error),
      },
    };
  }
}

/**
 * One DynamoDB JSON-protocol request (its `X-Amz-Target` header and body) answered by dynalite's
 * actions, as dynalite's own server does minus request signing. Every failure is an answer: storage
 * errors become 500 InternalServerError instead of an exception that would end the process.
 */
export async function answerDynamoRequest(
  stores: RecoveringStore,
  request: { method: string; target: string; body: string; tooLarge?: boolean },
): Promise<Answer> {
  if (request.method !== "POST") return { status: 404, body: {} };
  if (request.tooLarge) return { status: 413, body: {} };
  const [api, operation = ""] = request.target.split(".");
  if (!api?.startsWith("DynamoDB_") || !isOperation(operation)) {
    return { status: 400, body: { __type: `${CORAL}UnknownOperationException` } };
  }
  let input: unknown;
  try {
    input = JSON.parse(request.body);
  } catch {
    return { status: 400, body: { __type: `${CORAL}SerializationException` } };
  }
  return answerOperation(stores, operation, input);
}

export function dynamoContentType(header: string | undefined): string {
  return header?.split(";")[0]?.trim() === "application/json"
    ? "application/json"
    : "application/x-amz-json-1.0";
}

function send(res: ServerResponse, contentType: string, { status, body }: Answer) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/** The engine over HTTP on loopback, for clients outside this process's own `Db`. */
export function createDynamoHandler(stores: RecoveringStore) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("error", () => res.destroy());
    req.on("end", () => {
      const contentType = dynamoContentType(req.headers["content-type"]);
      void answerDynamoRequest(stores, {
        method: req.method ?? "GET",
        target: String(req.headers["x-amz-target"] ?? ""),
        body: size > MAX_BODY_BYTES ? "" : Buffer.concat(chunks).toString("utf8"),
        tooLarge: size > MAX_BODY_BYTES,
      }).then((result) => send(res, contentType, result));
    });
  };
}
