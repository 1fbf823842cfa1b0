import { isRecord } from "./fake-http";
import { jsonForSchema, schemaFromInstructions } from "./fake-json-for-schema";
import type { FakeChatReply, FakeChatRequest, FakeResponseFormat } from "./fake-openai-types";

export function parseChatRequest(body: Record<string, unknown>): FakeChatRequest {
  const messages = (Array.isArray(body.messages) ? body.messages : [])
    .filter(isRecord)
    .map((m) => ({
      role: typeof m.role === "string" ? m.role : "user",
      content: contentText(m.content),
    }));
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const rawLastUser = (Array.isArray(body.messages) ? body.messages : [])
    .filter(isRecord)
    .reverse()
    .find((m) => m.role === "user");
  const streamOptions = isRecord(body.stream_options) ? body.stream_options : {};
  return {
    model: typeof body.model === "string" ? body.model : "",
    messages,
    stream: body.stream === true,
    includeUsage: streamOptions.include_usage === true,
    responseFormat: responseFormat(body.response_format),
    tools: (Array.isArray(body.tools) ? body.tools : []).filter(isRecord).map((tool) => {
      const fn = isRecord(tool.function) ? tool.function : {};
      return {
        name: typeof fn.name === "string" ? fn.name : "",
        ...(typeof fn.description === "string" ? { description: fn.description } : {}),
        ...(isRecord(fn.parameters) ? { parameters: fn.parameters } : {}),
      };
    }),
    lastUserMessage: lastUser?.content ?? "",
    lastUserImages: imageParts(rawLastUser?.content),
    body,
  };
}

function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .filter(isRecord)
    .map((part) => (typeof part.text === "string" ? part.text : ""))
    .join("");
}

function responseFormat(value: unknown): FakeResponseFormat | null {
  if (!isRecord(value)) return null;
  if (value.type === "json_object") return { type: "json_object" };
  if (value.type === "json_schema") {
    const spec = isRecord(value.json_schema) ? value.json_schema : {};
    return {
      type: "json_schema",
      name: typeof spec.name === "string" ? spec.name : "",
      schema: isRecord(spec.schema) ? spec.schema : {},
      strict: spec.strict === true,
    };
  }
  return { type: "text" };
}

/**
 * The default answer: JSON valid for the requested schema (also one described in a system message
 * under json_object), otherwise an echo of the last user message.
 */
export function defaultChatReply(request: FakeChatRequest): FakeChatReply {
  const echo = `Echo: ${request.lastUserMessage}`;
  const format = request.responseFormat;
  if (format?.type === "json_schema") return { json: jsonForSchema(format.schema, echo) };
  if (format?.type === "json_object") {
    const schema = schemaFromInstructions(request.messages);
    return { json: schema ? jsonForSchema(schema, echo) : { reply: echo } };
  }
  return { content: echo };
}

/**
 * Image content parts as OpenAI's Chat Completions accepts them: `{ type: "image_url", image_url: { url,
 * detail? } }` with an https link or a `data:image/...;base64,` URL
 * (https://platform.openai.com/docs/guides/images-vision).
 */
function imageParts(content: unknown): string[] {
  if (!Array.isArray(content)) return [];
  return content
    .filter(isRecord)
    .filter((part) => part.type === "image_url" && isRecord(part.image_url))
    .map((part) => (part.image_url as Record<string, unknown>).url)
    .filter((url): url is string => typeof url === "string");
}
