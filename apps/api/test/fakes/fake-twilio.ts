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
// - WhatsApp senders (Senders API, https://www.twilio.com/docs/whatsapp/api/senders): `GET
//   /v2/Channels/Senders?Channel=whatsapp&PageSize=…` on messaging.twilio.com, basic auth → `{ senders:
//   [{ sid: "XE…", status: "ONLINE" | "OFFLINE" | "PENDING_VERIFICATION" | …, sender_id:
//   "whatsapp:+E164", … }], meta: { page, page_size, first_page_url, previous_page_url, url,
//   next_page_url, key: "senders" } }`; without Channel, 400 with code 20001.
// - The account's numbers (IncomingPhoneNumber resource,
//   https://www.twilio.com/docs/phone-numbers/api/incomingphonenumber-resource#read-multiple-incomingphonenumber-resources):
//   `GET /2010-04-01/Accounts/{Sid}/IncomingPhoneNumbers.json?PhoneNumber=%2B…` → `{ incoming_phone_numbers:
//   [{ sid: "PN…", phone_number: "+E164", account_sid, capabilities, … }], page, page_size, uri,
//   next_page_uri, … }` (field names as in twilio-python's test_incoming_phone_number.py fixtures).

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

/** A WhatsApp sender's states in the Senders API; only ONLINE ones send. */
export type FakeSenderStatus = "ONLINE" | "OFFLINE" | "PENDING_VERIFICATION" | "CREATING";

export async function startFakeTwilio() {
  const accounts = new Map<string, string>();
  const senders: { accountSid: string; senderId: string; status: FakeSenderStatus; sid: string }[] =
    [];
  const numbers: { accountSid: string; phoneNumber: string; sid: string }[] = [];
  /** The sender and number look-ups made, as `senders <account>` / `numbers <account> <number>`. */
  const lookups: string[] = [];
  const sent: FakeTwilioSent[] = [];
  const failures: FakeTwilioError[] = [];
  const media = new Map<string, { accountSid: string; bytes: Buffer; contentType: string }>();
  const mediaFetches: string[] = [];
  let base = "";

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

  /** The account whose basic auth the request carries, when its token is right. */
  const caller = (req: IncomingMessage): string | null => {
    const [, encoded] = (req.headers.authorization ?? "").split(" ");
    const [user] = Buffer.from(encoded ?? "", "base64")
      .toString("utf8")
      .split(":");
    return user && authorized(req, user) ? user : null;
  };

  // Senders API pages: PageSize (default 20 for WhatsApp) and an opaque PageToken.
  const answerSenders = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const accountSid = caller(req);
    if (!accountSid) {
      refuse(res, { status: 401, code: 20003, message: "Authenticate" });
      return;
    }
    const channel = url.searchParams.get("Channel");
    if (!channel) {
      refuse(res, { status: 400, code: 20001, message: "Missing required parameter Channel" });
      return;
    }
    lookups.push(`senders ${accountSid}`);
    const pageSize = Number(url.searchParams.get("PageSize") ?? "20");
    const page = Number(url.searchParams.get("PageToken")?.replace(/^PT/, "") ?? "0");
    const own = senders.filter((s) => s.accountSid === accountSid && channel === "whatsapp");
    const slice = own.slice(page * pageSize, (page + 1) * pageSize);
    const pageUrl = (n: number) =>
      `${base}/v2/Channels/Senders?Channel=${channel}&PageSize=${pageSize}&Page=${n}&PageToken=PT${n}`;
    reply(res, 200, {
      senders: slice.map((s) => ({
        sid: s.sid,
        status: s.status,
        sender_id: s.senderId,
        configuration: { waba_id: "1234567", verification_method: "sms" },
        webhook: { callback_url: null, callback_method: "POST" },
        profile: { name: "Clinic" },
        properties: { quality_rating: "HIGH", messaging_limit: "1K Customers/24hr" },
        offline_reasons: null,
        url: `${base}/v2/Channels/Senders/${s.sid}`,
      })),
      meta: {
        page,
        page_size: pageSize,
        first_page_url: pageUrl(0),
        previous_page_url: page > 0 ? pageUrl(page - 1) : null,
        url: pageUrl(page),
        next_page_url: (page + 1) * pageSize < own.length ? pageUrl(page + 1) : null,
        key: "senders",
      },
    });
  };

  const answerNumbers = (req: IncomingMessage, res: ServerResponse, sid: string, url: URL) => {
    if (!authorized(req, sid)) {
      refuse(res, { status: 401, code: 20003, message: "Authentication Error - invalid username" });
      return;
    }
    const wanted = url.searchParams.get("PhoneNumber");
    lookups.push(`numbers ${sid} ${wanted ?? "*"}`);
    const found = numbers.filter(
      (n) => n.accountSid === sid && (wanted === null || n.phoneNumber === wanted),
    );
    const uri = `/2010-04-01/Accounts/${sid}/IncomingPhoneNumbers.json${url.search}`;
    reply(res, 200, {
      end: Math.max(found.length - 1, 0),
      first_page_uri: uri,
      incoming_phone_numbers: found.map((n) => ({
        account_sid: sid,
        api_version: "2010-04-01",
        capabilities: { mms: true, sms: true, voice: true },
        friendly_name: n.phoneNumber,
        phone_number: n.phoneNumber,
        sid: n.sid,
        status: "in-use",
        uri: `/2010-04-01/Accounts/${sid}/IncomingPhoneNumbers/${n.sid}.json`,
      })),
      next_page_uri: null,
      page: 0,
      page_size: 50,
      previous_page_uri: null,
      start: 0,
      uri,
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
    const url = new URL(req.url ?? "/", base);
    if (req.method === "GET" && url.pathname === "/v2/Channels/Senders") {
      answerSenders(req, res, url);
      return;
    }
    const owned = /^\/2010-04-01\/Accounts\/([^/]+)\/IncomingPhoneNumbers\.json$/.exec(
      url.pathname,
    );
    if (req.method === "GET" && owned) {
      answerNumbers(req, res, decodeURIComponent(owned[1] ?? ""), url);
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
  base = url;

  return {
    url,
    sent,
    lookups,
    /** A WhatsApp sender registered on the account (`whatsapp:+E164`), ONLINE unless said. */
    addSender(accountSid: string, senderId: string, status: FakeSenderStatus = "ONLINE") {
      senders.push({ accountSid, senderId, status, sid: twilioSid("XE") });
    },
    /** A phone number the account owns (`+E164`), registered for WhatsApp or not. */
    addNumber(accountSid: string, phoneNumber: string) {
      numbers.push({ accountSid, phoneNumber, sid: twilioSid("PN") });
    },
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
