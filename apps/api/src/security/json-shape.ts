import { MAX_JSON_DEPTH, MAX_JSON_VALUES } from "@agents-crm/config/request-limits";

export interface JsonShapeLimits {
  maxValues: number;
  maxDepth: number;
}

export const JSON_SHAPE_LIMITS: JsonShapeLimits = {
  maxValues: MAX_JSON_VALUES,
  maxDepth: MAX_JSON_DEPTH,
};

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

const isWhitespace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Counts the values and nesting of JSON text as it streams in, without building anything, so a body
 * made to be expensive to parse (`[{},{},…]`: 3 bytes per object, ~100 bytes of heap each once parsed)
 * is refused before JSON.parse sees it. Object keys are not values; malformed text is left for
 * JSON.parse to reject. Bytes and UTF-16 code units are scanned alike: every structural character is
 * ASCII, and bytes of multi-byte characters only occur inside strings.
 */
export function createJsonShapeScanner(limits: JsonShapeLimits = JSON_SHAPE_LIMITS) {
  let values = 0;
  let depth = 0;
  // Whether each open container is an object (1) or an array (0); deeper text is refused.
  const inObject = new Uint8Array(limits.maxDepth + 1);
  let expectKey = false;
  let inString = false;
  let escaped = false;
  let inScalar = false;
  let problem: string | null = null;

  const step = (c: number): boolean => {
    if (inString) {
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) inString = false;
      return true;
    }
    if (c === QUOTE) {
      inString = true;
      inScalar = false;
      if (!(expectKey && inObject[depth] === 1)) values += 1;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      values += 1;
      depth += 1;
      inScalar = false;
      if (depth > limits.maxDepth) {
        problem = `is nested deeper than ${limits.maxDepth} levels`;
        return false;
      }
      inObject[depth] = c === OPEN_OBJECT ? 1 : 0;
      expectKey = c === OPEN_OBJECT;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth > 0) depth -= 1;
      expectKey = false;
      inScalar = false;
    } else if (c === COLON) {
      expectKey = false;
      inScalar = false;
    } else if (c === COMMA) {
      expectKey = inObject[depth] === 1;
      inScalar = false;
    } else if (isWhitespace(c)) {
      inScalar = false;
    } else if (!inScalar) {
      // The first character of a number, true, false or null.
      inScalar = true;
      values += 1;
    }
    if (values > limits.maxValues) {
      problem = `has more than ${limits.maxValues.toLocaleString("en-US")} JSON values`;
      return false;
    }
    return true;
  };

  return {
    /** Feeds the next piece; returns what is wrong with the text so far, or null. */
    push(chunk: Uint8Array | string): string | null {
      if (problem) return problem;
      if (typeof chunk === "string") {
        for (let i = 0; i < chunk.length; i++) if (!step(chunk.charCodeAt(i))) return problem;
      } else {
        for (let i = 0; i < chunk.length; i++) if (!step(chunk[i]!)) return problem;
      }
      return null;
    },
  };
}

/** One whole text (a query's `input`, a WebSocket frame): what is wrong with its shape, or null. */
export function jsonShapeProblem(
  text: Uint8Array | string,
  limits: JsonShapeLimits = JSON_SHAPE_LIMITS,
): string | null {
  return createJsonShapeScanner(limits).push(text);
}
