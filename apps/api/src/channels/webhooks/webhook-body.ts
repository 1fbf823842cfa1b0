import type { IncomingMessage, ServerResponse } from "node:http";
import { toWellFormedDeep } from "@agents-crm/config/well-formed-text";
import { readRawBody, refuseBody, sendError } from "../../server/http-io";

/** The raw body (signatures are over these bytes), or undefined once it has been refused (413). */
export async function readWebhookBody(
  req: IncomingMessage,
  res: ServerResponse,
  limitBytes: number,
): Promise<Buffer | undefined> {
  const raw = await readRawBody(req, limitBytes);
  if (raw.ok) return raw.body;
  refuseBody(res, raw.reason, limitBytes);
  return undefined;
}

/**
 * The body as JSON with its strings made well-formed, or undefined once a 400 has been sent (no JSON
 * text parses to undefined, so undefined always means refused).
 */
export function parseWebhookJson(body: Buffer, res: ServerResponse): unknown {
  try {
    return toWellFormedDeep(JSON.parse(body.toString("utf8")));
  } catch {
    sendError(res, 400, "BAD_REQUEST", "The body is not valid JSON");
    return undefined;
  }
}
