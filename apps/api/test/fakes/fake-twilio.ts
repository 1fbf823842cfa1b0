import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A local Twilio speaking its wire format for what we call and what it sends us:
// - Messages API: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded (From, To, Body,
//   MediaUrl repeatable, StatusCallback), HTTP basic auth (account SID : auth token) → 201 with the
//   message resource's real field names (`sid`, `account_sid`, `from`, `to`, `body`, `status`,
//   `num_media`, `date_created`, `api_version`, `uri`, `error_code`, `error_message`, …)
//   (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource);
//   errors `{ code, message, more_info, status }` (https://www.twilio.com/docs/usage/twilios-response).
// - Webhooks: form-encoded POSTs signed in X-Twilio-Signature = base64(HMAC-SHA1(auth token, URL +
//   sorted name+value pairs)) (https://www.twilio.com/docs/usage/webhooks/webhooks-security).

export interface FakeTwilioSent {
  sid: string;
  accountSid: string;
  from: string;
  to: string;
  body?: string;
  mediaUrls: string[];
  statusCallback?: string;
}

export interface FakeTwilioError {
  status: number;
  code: number;
  message: string;
}

/** What Twilio's webhook signature is over, for a URL and form fields (see twilio-node's webhooks.ts). */
export function signTwilio(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, name) => acc + name + params[name], url);
  return createHmac("sha1", authToken).update(Buffer.from(data, "utf8")).digest("base64");
}

const twilioSid = (prefix: string) => `${prefix}${randomBytes(16).toString("hex")}`;

export async function startFakeTwilio() {
  const accounts = new Map<string, string>();
  const sent: FakeTwilioSent[] = [];
  const failures: FakeTwilioError[] = [];
  const media = new Map<string, { accountSid: string; bytes: Buffer; contentType: string }>();
  const mediaFetches: string[] = [];

  const authorized = (req: IncomingMessage, accountSid: string) => {
    const [scheme, encoded] = (req.headers.authorization ?? "").split(" ");
    const [user, password] = Buffer.from(encoded ?? "", "base64")
      .toString("utf8")
      .split(":");
    return scheme === "Basic" && user === accountSid && accounts.get(accountSid) === password;
  };
  const reply = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(text);
  };
  const refuse = (res: ServerResponse, error: FakeTwilioError) =>
    reply(res, error.status, {
      code: error.code,
      message: error.message,
      more_info: `https://www.twilio.com/docs/errors/${error.code}`,
      status: error.status,
    });

  // The Account resource (https://www.twilio.com/docs/iam/api/account#fetch-an-account-resource):
  // an unknown SID is 404 (20404), a wrong auth token 401 (20003).
  const answerAccount = (req: IncomingMessage, res: ServerResponse, sid: string) => {
    if (!accounts.has(sid)) {
      refuse(res, { status: 404, code: 20404, message: "The requested resource was not found" });
      return;
    }
    if (!authorized(req, sid)) {
      refuse(res, { status: 401, code: 20003, message: "Authentication Error - invalid username" });
      return;
    }
    const created = new Date(0).toUTCString();
    reply(res, 200, {
      auth_token: accounts.get(sid),
      date_created: created,
      date_updated: created,
      friendly_name: "Clinic account",
      owner_account_sid: sid,
      sid,
      status: "active",
      subresource_uris: { messages: `/2010-04-01/Accounts/${sid}/Messages.json` },
      type: "Full",
      uri: `/2010-04-01/Accounts/${sid}.json`,
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const file = media.get(req.url ?? "");
    if (req.method === "GET" && file) {
      if (!authorized(req, file.accountSid)) {
        refuse(res, {
          status: 401,
          code: 20003,
          message: "Authentication Error - invalid username",
        });
        return;
      }
      mediaFetches.push(req.url ?? "");
      res.writeHead(200, { "content-type": file.contentType, "content-length": file.bytes.length });
      res.end(file.bytes);
      return;
    }
    const account = /^\/2010-04-01\/Accounts\/([^/]+)\.json$/.exec(req.url ?? "");
    if (req.method === "GET" && account) {
      answerAccount(req, res, decodeURIComponent(account[1] ?? ""));
      return;
    }
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? "");
    if (req.method !== "POST" || !match) {
      refuse(res, { status: 404, code: 20404, message: "The requested resource was not found" });
      return;
    }
    const accountSid = decodeURIComponent(match[1] ?? "");
    if (!authorized(req, accountSid)) {
      refuse(res, { status: 401, code: 20003, message: "Authentication Error - invalid username" });
      return;
    }
    if (!String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded")) {
      refuse(res, { status: 400, code: 20001, message: "Unsupported content type" });
      return;
    }
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    const failure = failures.shift();
    if (failure) {
      refuse(res, failure);
      return;
    }
    const from = form.get("From") ?? "";
    const to = form.get("To") ?? "";
    const body = form.get("Body") ?? undefined;
    const mediaUrls = form.getAll("MediaUrl");
    if (!to.startsWith("whatsapp:+") || (!body && mediaUrls.length === 0)) {
      refuse(res, { status: 400, code: 21211, message: `The 'To' number ${to} is not valid.` });
      return;
    }
    const sid = twilioSid(mediaUrls.length > 0 ? "MM" : "SM");
    sent.push({
      sid,
      accountSid,
      from,
      to,
      body,
      mediaUrls,
      statusCallback: form.get("StatusCallback") ?? undefined,
    });
    const now = new Date().toUTCString();
    reply(res, 201, {
      account_sid: accountSid,
      api_version: "2010-04-01",
      body: body ?? "",
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: "outbound-api",
      error_code: null,
      error_message: null,
      from,
      messaging_service_sid: null,
      num_media: String(mediaUrls.length),
      num_segments: "1",
      price: null,
      price_unit: null,
      sid,
      status: "queued",
      subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
      to,
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    sent,
    /** An account the Messages API accepts; returns its SID. */
    addAccount(authToken: string, accountSid = twilioSid("AC")): string {
      accounts.set(accountSid, authToken);
      return accountSid;
    },
    /** Media paths fetched (with valid credentials). */
    mediaFetches,
    /**
     * A customer's file as Twilio keeps it: `/2010-04-01/Accounts/{sid}/Messages/{MM…}/Media/{ME…}`,
     * answered only with the account's basic auth; returns the MediaUrl a webhook carries.
     */
    addMedia(accountSid: string, messageSid: string, bytes: Buffer, contentType: string): string {
      const path = `/2010-04-01/Accounts/${accountSid}/Messages/${messageSid}/Media/${twilioSid("ME")}`;
      media.set(path, { accountSid, bytes, contentType });
      return `${url}${path}`;
    },
    /** The next send is refused like this (e.g. 63016 outside the 24-hour window). */
    failNext(error: FakeTwilioError) {
      failures.push(error);
    },
    /**
     * Posts a webhook as Twilio does: form-encoded, signed over `publicUrl` (the address configured in
     * Twilio's console), delivered to `deliverTo` (where the server listens, behind that address).
     */
    async webhook(input: {
      authToken: string;
      publicUrl: string;
      deliverTo: string;
      params: Record<string, string>;
      signature?: string;
    }) {
      const res = await fetch(input.deliverTo, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-twilio-signature":
            input.signature ?? signTwilio(input.authToken, input.publicUrl, input.params),
          "i-twilio-idempotency-token": randomBytes(16).toString("hex"),
        },
        body: new URLSearchParams(input.params).toString(),
      });
      return { status: res.status, text: await res.text(), type: res.headers.get("content-type") };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeTwilio = Awaited<ReturnType<typeof startFakeTwilio>>;
