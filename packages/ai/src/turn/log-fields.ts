import { LlmError } from "../providers/errors";
import type { TurnLogger } from "./types";

/** What may be logged about a failure: its kind and status, never its message (it could echo text). */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof LlmError) {
    return {
      error: error.name,
      kind: error.kind,
      status: error.status,
      code: error.code,
      attempts: error.attempts,
    };
  }
  return { error: error instanceof Error ? error.name : typeof error };
}

export const consoleTurnLogger: TurnLogger = {
  warn: (message, fields) => console.warn(`[turn] ${message}`, fields ?? {}),
  error: (message, fields) => console.error(`[turn] ${message}`, fields ?? {}),
};
