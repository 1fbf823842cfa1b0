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

const MAX_BODY_BYTES = 16 * 1024 * 1024; // dynalite's own limit
const ERROR_TYPE = "com.amazonaws.dynamodb.v20120810#";
const CORAL = "com.amazon.coral.service#";

interface Answer {
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

function send(res: ServerResponse, contentType: string, { status, body }: Answer) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * DynamoDB's JSON protocol over dynalite's actions, as dynalite's own server speaks it minus request
 * signing (it listens on loopback for this process only). Every failure is an answer: storage errors
 * become 500 InternalServerError instead of an exception that would end the process.
 */
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
      const contentType =
        req.headers["content-type"]?.split(";")[0]?.trim() === "application/json"
          ? "application/json"
          : "application/x-amz-json-1.0";
      if (req.method !== "POST") return send(res, contentType, { status: 404, body: {} });
      if (size > MAX_BODY_BYTES) return send(res, contentType, { status: 413, body: {} });
      const [api, operation = ""] = String(req.headers["x-amz-target"] ?? "").split(".");
      if (!api?.startsWith("DynamoDB_") || !isOperation(operation)) {
        return send(res, contentType, {
          status: 400,
          body: { __type: `${CORAL}UnknownOperationException` },
        });
      }
      let input: unknown;
      try {
        input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return send(res, contentType, {
          status: 400,
          body: { __type: `${CORAL}SerializationException` },
        });
      }
      answer(stores, operation, input).then(
        (result) => send(res, contentType, result),
        (error: unknown) =>
          send(res, contentType, {
            status: 500,
            body: {
              __type: `${ERROR_TYPE}InternalServerError`,
              message: error instanceof Error ? error.message : String(error),
            },
          }),
      );
    });
  };
}
