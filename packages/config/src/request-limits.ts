/**
 * What the API accepts before it parses anything: request bodies, WebSocket frames and ids. One place, so
 * the API's checks, the console's messages and the tests agree.
 */

/** Every body from a caller that has not signed in, and any procedure that declares nothing larger. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Procedures that carry agent documents (create, update, import of up to 1,000,000 characters, the
 * playground with its conversation) accept this much from signed-in staff and the API token.
 */
export const AGENT_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** The text `agents.import` accepts (a YAML or JSON agent document), in characters. */
export const MAX_AGENT_IMPORT_CHARS = 1_000_000;

/** The knowledge upload (a 10 MB file in base64) accepts this much from signed-in staff. */
export const DOCUMENT_BODY_LIMIT_BYTES = 15 * 1024 * 1024;

/**
 * A stored agent document, as JSON: an agent is one DynamoDB item, and items hold at most 400 KB
 * (attribute names and the record's other fields included).
 */
export const MAX_AGENT_DOCUMENT_BYTES = 350 * 1024;

/** The largest WebSocket frame (calls over a socket are small: subscriptions and their inputs). */
export const WEBSOCKET_FRAME_LIMIT_BYTES = 1024 * 1024;

/**
 * JSON structure per body, query `input` or WebSocket frame, counted on the raw text before JSON.parse:
 * a parsed value costs ~100 bytes of heap however few bytes it took (`{}` is 2), so the count, not the
 * size, is what bounds memory. Agent documents use a few hundred values.
 */
export const MAX_JSON_VALUES = 10_000;
export const MAX_JSON_DEPTH = 64;

/**
 * Ids in inputs (users, conversations, bindings, configs, inbox events), in UTF-8 bytes: DynamoDB refuses
 * sort keys over 1,024 bytes (partition keys over 2,048), and some ids are parts of longer keys.
 */
export const MAX_ID_BYTES = 512;

/** "64 KB", "15 MB": limits as people read them (binary units, as the limits are defined). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
