import { TwilioApiError } from "./twilio-messages-api";

/**
 * One authenticated GET of Twilio's REST APIs (HTTP basic auth: account SID and auth token), its JSON
 * answer or a TwilioApiError with Twilio's status and error code
 * (https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions).
 */
export async function twilioGetJson(
  url: string,
  credentials: { accountSid: string; authToken: string },
  options: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<{ status: number; json: unknown }> {
  const auth = Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString("base64");
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(url, {
      headers: { authorization: `Basic ${auth}`, accept: "application/json" },
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
  } catch (error) {
    throw new TwilioApiError(null, null, "Twilio did not answer", { cause: error });
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const code = (json as { code?: unknown } | null)?.code;
    throw new TwilioApiError(
      res.status,
      typeof code === "number" ? code : null,
      `HTTP ${res.status}`,
    );
  }
  return { status: res.status, json };
}
