import { APIError } from "openai";
import type { ChatMessage, ChatRequest } from "./types";

/**
 * How a JSON answer is asked for. Many OpenAI-compatible servers reject `json_schema` (or even
 * `json_object`) with a 400 naming `response_format`; we then step down one mode and remember the
 * working mode per base URL and model (support often differs by model on one server, OpenAI's
 * older models included) so later calls go straight to it.
 */
export type StructuredMode = "json_schema" | "json_object" | "prompt_only";

const NEXT_MODE: Record<StructuredMode, StructuredMode | null> = {
  json_schema: "json_object",
  json_object: "prompt_only",
  prompt_only: null,
};

const workingModes = new Map<string, StructuredMode>();

export function structuredModeFor(baseURL: string, model: string): StructuredMode {
  return workingModes.get(`${baseURL} ${model}`) ?? "json_schema";
}

/** Records that `failed` was rejected; returns the mode to try next, or null. */
export function stepDownStructuredMode(
  baseURL: string,
  model: string,
  failed: StructuredMode,
): StructuredMode | null {
  const next = NEXT_MODE[failed];
  if (next !== null) workingModes.set(`${baseURL} ${model}`, next);
  return next;
}

export function isResponseFormatRejection(error: unknown): boolean {
  if (!(error instanceof APIError) || (error.status !== 400 && error.status !== 422)) return false;
  const text = `${error.message} ${error.param ?? ""} ${JSON.stringify(error.error ?? "")}`;
  // A schema the server understood but found invalid is our bug: falling back would hide it.
  if (/invalid schema|json_schema\.(name|schema)/i.test(text)) return false;
  return /response_format|json_schema|json_object/i.test(text);
}

type Schema = NonNullable<ChatRequest["responseSchema"]>;

export interface StructuredRequestParts {
  messages: ChatMessage[];
  response_format?:
    | {
        type: "json_schema";
        json_schema: { name: string; schema: Record<string, unknown>; strict: true };
      }
    | { type: "json_object" };
}

export function structuredRequest(
  mode: StructuredMode,
  schema: Schema,
  messages: ChatMessage[],
): StructuredRequestParts {
  switch (mode) {
    case "json_schema":
      return {
        messages,
        response_format: {
          type: "json_schema",
          json_schema: { name: schema.name, schema: schema.schema, strict: true },
        },
      };
    case "json_object":
      return {
        messages: withSchemaInstruction(messages, schema),
        response_format: { type: "json_object" },
      };
    case "prompt_only":
      return { messages: withSchemaInstruction(messages, schema) };
  }
}

function withSchemaInstruction(messages: ChatMessage[], schema: Schema): ChatMessage[] {
  const instruction =
    `Answer with one JSON object only — no prose, no code fences — valid against this JSON Schema ` +
    `named "${schema.name}":\n${JSON.stringify(schema.schema)}`;
  const [first, ...rest] = messages;
  // Several chat templates accept a single leading system message only, so we extend that one.
  if (first?.role === "system") {
    return [{ role: "system", content: `${first.content}\n\n${instruction}` }, ...rest];
  }
  return [{ role: "system", content: instruction }, ...messages];
}

/** Fallback modes leave the model free to wrap its JSON in a Markdown fence; unwrap it. */
export function unwrapJsonFence(content: string): string {
  const match = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(content);
  return match?.[1] ?? content;
}
