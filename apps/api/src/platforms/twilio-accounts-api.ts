import { z } from "zod";
import { TwilioApiError } from "./twilio-messages-api";

// Twilio's Account resource (https://www.twilio.com/docs/iam/api/account#fetch-an-account-resource):
// `GET /2010-04-01/Accounts/{Sid}.json` with HTTP basic auth (account SID : auth token) answers the
// account (`sid`, `friendly_name`, `status`: active | suspended | closed, `type`: Trial | Full, …);
// a wrong token is 401 (error 20003), an unknown SID 404 (error 20404)
// (https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions).

const accountSchema = z.looseObject({
  sid: z.string().min(1),
  friendly_name: z.string().nullish(),
  status: z.string().nullish(),
});

export type TwilioAccount = z.infer<typeof accountSchema>;

export function createTwilioAccountsApi(options: {
  baseUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}) {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, "");
  return {
    /** The account the credentials open; throws TwilioApiError with Twilio's status and code. */
    async getAccount(accountSid: string, authToken: string): Promise<TwilioAccount> {
      const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}.json`;
      const auth = Buffer.from(`${accountSid}:${authToken}`).toString("base64");
      let res: Response;
      try {
        res = await doFetch(url, {
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
      const parsed = accountSchema.safeParse(json);
      if (!parsed.success) throw new TwilioApiError(res.status, null, "unexpected answer");
      return parsed.data;
    },
  };
}
