import { z } from "zod";
import { TwilioApiError } from "./twilio-messages-api";
import { twilioGetJson } from "./twilio-rest-get";

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
  const base = options.baseUrl.replace(/\/+$/, "");
  return {
    /** The account the credentials open; throws TwilioApiError with Twilio's status and code. */
    async getAccount(accountSid: string, authToken: string): Promise<TwilioAccount> {
      const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}.json`;
      const { status, json } = await twilioGetJson(url, { accountSid, authToken }, options);
      const parsed = accountSchema.safeParse(json);
      if (!parsed.success) throw new TwilioApiError(status, null, "unexpected answer");
      return parsed.data;
    },
  };
}
