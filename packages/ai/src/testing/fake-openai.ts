import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { defaultErrorBody, delay, isRecord, openAIError, readRawBody, sendJson } from "./fake-http";
import { defaultChatReply, parseChatRequest } from "./fake-openai-chat-request";
import { answerChat } from "./fake-openai-chat-route";
import { embeddingsResponse, isValidEmbeddingsBody } from "./fake-openai-embeddings";
import { DEFAULT_FLAGGED_TERMS, moderationsResponse } from "./fake-openai-moderations";
import { createFakePromptCache } from "./fake-prompt-cache";
import {
  defaultTranscript,
  parseTranscriptionRequest,
  type FakeTranscriber,
} from "./fake-openai-transcriptions";
import type {
  FakeChatResponder,
  FakeEndpoint,
  FakeOpenAI,
  FakeOpenAIOptions,
  FakeRecordedRequest,
} from "./fake-openai-types";

export type { FakeOpenAI, FakeOpenAIOptions } from "./fake-openai-types";

interface Failure {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  endpoint: FakeEndpoint | undefined;
}

const ROUTES: Record<string, FakeEndpoint> = {
  "/v1/chat/completions": "chat",
  "/v1/embeddings": "embeddings",
  "/v1/moderations": "moderations",
  "/v1/audio/transcriptions": "transcriptions",
};

/** A local server speaking OpenAI's wire format (JSON and SSE) on 127.0.0.1, port chosen by the OS. */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const requests: FakeRecordedRequest[] = [];
  const failures: Failure[] = [];
  const latency: Record<FakeEndpoint, number> = {
    chat: 0,
    embeddings: 0,
    moderations: 0,
    transcriptions: 0,
  };
  const setAllLatency = (ms: number) => {
    latency.chat = latency.embeddings = latency.moderations = latency.transcriptions = ms;
  };
  let spread = false;
  let firstTokenMs: number | undefined;
  const promptCache = createFakePromptCache(options.promptCacheMinTokens);
  let responder: FakeChatResponder | null = null;
  let flaggedTerms = DEFAULT_FLAGGED_TERMS;
  let transcriber: FakeTranscriber = defaultTranscript;
  const reset = () => {
    requests.length = 0;
    failures.length = 0;
    setAllLatency(0);
    if (typeof options.latencyMs === "number") setAllLatency(options.latencyMs);
    else Object.assign(latency, options.latencyMs ?? {});
    spread = options.spreadStreamLatency ?? false;
    firstTokenMs = options.firstTokenMs;
    promptCache.clear();
    responder = options.responder ?? null;
    flaggedTerms = options.flaggedTerms ?? DEFAULT_FLAGGED_TERMS;
    transcriber = options.transcriber ?? defaultTranscript;
  };
  reset();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const endpoint = ROUTES[path] ?? null;
    const raw = await readRawBody(req);
    // An audio upload is multipart, every other endpoint JSON.
    const upload =
      endpoint === "transcriptions" && req.method === "POST"
        ? await parseTranscriptionRequest(req, raw)
        : null;
    let body: unknown = null;
    if (!upload && raw.length > 0) {
      try {
        body = JSON.parse(raw.toString("utf8")) as unknown;
      } catch {
        body = null;
      }
    }
    const record: FakeRecordedRequest = {
      method: req.method ?? "GET",
      path,
      endpoint,
      headers: req.headers,
      body,
      receivedAt: Date.now(),
    };
    if (endpoint === "chat" && isRecord(body)) record.chat = parseChatRequest(body);
    if (upload && "request" in upload) record.transcription = upload.request;
    requests.push(record);

    const streamSpread = endpoint === "chat" && spread && record.chat?.stream === true;
    if (endpoint && !streamSpread) await delay(latency[endpoint]);

    const failureIndex = failures.findIndex(
      (f) => f.endpoint === undefined || f.endpoint === endpoint,
    );
    const failure = failureIndex >= 0 ? failures.splice(failureIndex, 1)[0] : undefined;
    if (failure) {
      if (failure.status === 0) req.socket.destroy();
      else
        sendJson(
          res,
          failure.status,
          failure.body ?? defaultErrorBody(failure.status),
          failure.headers,
        );
      return;
    }
    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      sendJson(res, 401, defaultErrorBody(401));
      return;
    }
    if (path === "/v1/models" && req.method === "GET") {
      sendJson(res, 200, {
        object: "list",
        data: (options.servedModels ?? ["gpt-4o-mini"]).map((id) => ({
          id,
          object: "model",
          created: 0,
          owned_by: "fake",
        })),
      });
      return;
    }
    if (
      req.method !== "POST" ||
      endpoint === null ||
      (endpoint === "moderations" && options.supportsModerations === false)
    ) {
      // Ollama answers unknown paths with a plain-text 404.
      sendJson(res, 404, "404 page not found", {}, "text/plain");
      return;
    }
    if (endpoint === "transcriptions") {
      if (!upload || "error" in upload) {
        sendJson(res, 400, upload?.error ?? defaultErrorBody(400));
        return;
      }
      const text = transcriber(upload.request);
      if (upload.request.responseFormat === "text") sendJson(res, 200, text, {}, "text/plain");
      else sendJson(res, 200, { text, usage: { type: "duration", seconds: 1 } });
      return;
    }
    if (!isRecord(body)) {
      sendJson(
        res,
        400,
        openAIError("We could not parse the JSON body of your request.", "invalid_request_error"),
      );
      return;
    }
    switch (endpoint) {
      case "embeddings":
        if (!isValidEmbeddingsBody(body))
          sendJson(
            res,
            400,
            openAIError("'input' is required", "invalid_request_error", null, "input"),
          );
        else sendJson(res, 200, embeddingsResponse(body));
        return;
      case "moderations":
        sendJson(res, 200, moderationsResponse(body, flaggedTerms));
        return;
      case "chat": {
        const model = typeof body.model === "string" ? body.model : "";
        if (options.servedModels && !options.servedModels.includes(model)) {
          sendJson(res, 404, modelNotFoundBody(model, options.modelNotFound ?? "openai"));
          return;
        }
        await answerChat(res, record.chat ?? parseChatRequest(body), {
          responder: responder ?? defaultChatReply,
          rejectFormat: (options.supportsJsonSchema === false ? ["json_schema"] : []).concat(
            options.supportsJsonObject === false ? ["json_object"] : [],
          ),
          spreadLatencyMs: spread ? latency.chat : 0,
          firstTokenMs,
          promptCache,
        });
        return;
      }
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, defaultErrorBody(500));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setLatency(ms, setOptions) {
      if (setOptions?.endpoint) latency[setOptions.endpoint] = ms;
      else setAllLatency(ms);
      if (setOptions?.spreadAcrossChunks !== undefined) spread = setOptions.spreadAcrossChunks;
      if (setOptions && "firstTokenMs" in setOptions) firstTokenMs = setOptions.firstTokenMs;
    },
    setResponder(next) {
      responder = next;
    },
    setFlaggedTerms(terms) {
      flaggedTerms = terms;
    },
    setTranscriber(next) {
      transcriber = next ?? defaultTranscript;
    },
    reset,
    failNext(count, status, body, headers = {}, endpoint) {
      for (let i = 0; i < count; i++) failures.push({ status, body, headers, endpoint });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * A chat naming a model the server does not have, as each answers it with status 404:
 * - OpenAI (https://platform.openai.com/docs/guides/error-codes): `code: "model_not_found"`;
 * - vLLM (vllm/entrypoints/openai/serving_engine.py, `_check_model`): its ErrorResponse with
 *   `type: "NotFoundError"` and `code: 404`;
 * - Ollama (openai/openai.go, `NewError(http.StatusNotFound, …)`): `type: "not_found_error"`.
 */
function modelNotFoundBody(model: string, server: "openai" | "vllm" | "ollama") {
  switch (server) {
    case "openai":
      return openAIError(
        `The model \`${model}\` does not exist or you do not have access to it.`,
        "invalid_request_error",
        "model_not_found",
      );
    case "vllm":
      return {
        object: "error",
        message: `The model \`${model}\` does not exist.`,
        type: "NotFoundError",
        param: null,
        code: 404,
      };
    case "ollama":
      return {
        error: {
          message: `model "${model}" not found, try pulling it first`,
          type: "not_found_error",
          param: null,
          code: null,
        },
      };
  }
}
