import { parseDocument, stringify } from "yaml";
import { isPlainObject, type AgentDocument } from "./document-paths";

export type RawFormat = "json" | "yaml";

export function formatDocument(document: AgentDocument, format: RawFormat): string {
  return format === "json"
    ? `${JSON.stringify(document, null, 2)}\n`
    : stringify(document, { lineWidth: 0 });
}

export interface RawProblem {
  /** 1-based, when the parser says where. */
  line: number | null;
  column: number | null;
  message: string;
}

export type RawParseResult =
  { ok: true; document: AgentDocument } | { ok: false; problem: RawProblem };

/** Line and column (1-based) of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** The character offset of a 1-based line and column (clamped to the text). */
export function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split("\n");
  let offset = 0;
  for (let index = 0; index < line - 1 && index < lines.length; index++) {
    offset += (lines[index]?.length ?? 0) + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

function jsonProblem(text: string, error: unknown): RawProblem {
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    return { line: Number(lineColumn[1]), column: Number(lineColumn[2]), message };
  }
  const position = /position (\d+)/.exec(message);
  if (position) return { ...positionOf(text, Number(position[1])), message };
  if (/end of (JSON|data) input/i.test(message))
    return { ...positionOf(text, text.length), message };
  return { line: null, column: null, message };
}

const NOT_A_MAPPING = "the document must be a mapping of fields (an object)";

/** The raw editor's text as a document, or where it is wrong. */
export function parseRawDocument(text: string, format: RawFormat): RawParseResult {
  let value: unknown;
  if (format === "json") {
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { ok: false, problem: jsonProblem(text, error) };
    }
  } else {
    const document = parseDocument(text, { uniqueKeys: true });
    const first = document.errors[0];
    if (first) {
      const at = first.linePos?.[0];
      return {
        ok: false,
        problem: {
          line: at?.line ?? null,
          column: at?.col ?? null,
          message: first.message.split("\n")[0] ?? first.message,
        },
      };
    }
    value = document.toJS({ maxAliasCount: 100 });
  }
  if (!isPlainObject(value)) {
    return { ok: false, problem: { line: 1, column: 1, message: NOT_A_MAPPING } };
  }
  return { ok: true, document: value };
}

/** Which format an imported file or pasted text is: JSON when it starts like JSON, else YAML. */
export function detectFormat(text: string, filename?: string): RawFormat {
  if (filename && /\.json$/i.test(filename)) return "json";
  if (filename && /\.ya?ml$/i.test(filename)) return "yaml";
  return /^\s*[{[]/.test(text) ? "json" : "yaml";
}
