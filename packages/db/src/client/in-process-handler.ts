import { answerDynamoRequest, dynamoContentType, MAX_BODY_BYTES } from "./dynamo-http";
import type { RecoveringStore } from "./embedded-store";

/** The parts of the SDK's HttpRequest this handler reads (the SDK passes its own class). */
interface SdkRequest {
  method: string;
  headers: Record<string, string>;
  body?: unknown;
}

const decoder = new TextDecoder();

function bodyText(body: unknown): string {
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return decoder.decode(body);
  return "";
}

function header(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/**
 * The SDK's request handler for this process's own embedded engine: each request is answered by the
 * engine directly instead of crossing a loopback socket, which cost more CPU (an HTTP client and server
 * on both sides of every call) than the engine's work itself. Answers are byte-for-byte those of the
 * HTTP endpoint, so the SDK's retries and error handling see the same thing.
 */
export function createInProcessHandler(stores: RecoveringStore) {
  return {
    metadata: { handlerProtocol: "in-process" },
    async handle(request: SdkRequest) {
      const body = bodyText(request.body);
      const tooLarge = body.length > MAX_BODY_BYTES / 3 && Buffer.byteLength(body) > MAX_BODY_BYTES;
      const answer = await answerDynamoRequest(stores, {
        method: request.method,
        target: header(request.headers, "x-amz-target") ?? "",
        body: tooLarge ? "" : body,
        tooLarge,
      });
      const payload = Buffer.from(JSON.stringify(answer.body), "utf8");
      return {
        response: {
          statusCode: answer.status,
          reason: undefined,
          headers: {
            "content-type": dynamoContentType(header(request.headers, "content-type")),
            "content-length": String(payload.length),
          },
          body: payload,
        },
      };
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
    destroy: () => undefined,
  };
}

export type InProcessHandler = ReturnType<typeof createInProcessHandler>;
