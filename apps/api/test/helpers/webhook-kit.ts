import { readFileSync } from "node:fs";
import type { ApiDeps } from "../../src/deps";
import { signBody } from "../../src/channels/webhooks/meta-signature";
import { agentDocument } from "./chat-kit";

const FIXTURES = new URL("../fixtures/webhooks/", import.meta.url);

/** A fixture's bytes exactly as stored (escapes and all): what the platform would send. */
export const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), "utf8");

/** A media fixture's bytes (a real JPEG, PDF, Ogg voice note…), as a platform serves them. */
export const mediaFixture = (name: string): Buffer =>
  readFileSync(new URL(`../fixtures/media/${name}`, import.meta.url));

export interface WebhookResponse {
  status: number;
  headers: Headers;
  text: string;
  json: () => Record<string, unknown>;
}

export async function post(
  url: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<WebhookResponse> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: () => JSON.parse(text) as Record<string, unknown>,
  };
}

export const metaSigned = (body: string | Buffer, secret: string) => ({
  "x-hub-signature-256": signBody(body, secret),
});

/** Creates the agent unless it exists; `overrides` are merged into its config document. */
export async function ensureAgent(
  deps: ApiDeps,
  agentId: string,
  options: { isActive?: boolean; overrides?: Record<string, unknown> } = {},
) {
  if (!(await deps.repos.agents.get(agentId))) {
    await deps.repos.agents.create({
      agentId,
      config: agentDocument(agentId, options.overrides),
      isActive: options.isActive ?? true,
    });
  }
}

/**
 * A binding straight through the repository, its agent created if missing (the admin path has its
 * own tests): no platform is asked, so a Telegram binding made here has no registered webhook secret
 * unless `webhookSecret` is given.
 */
export async function bindDirect(
  deps: ApiDeps,
  input: {
    channelType: "instagram" | "whatsapp" | "telegram";
    accountId: string;
    agentId?: string;
    accessToken?: string;
    appSecret?: string;
    webhookSecret?: string;
    isActive?: boolean;
    agentActive?: boolean;
  },
) {
  const agentId = input.agentId ?? `agent-${input.accountId}`;
  await ensureAgent(deps, agentId, { isActive: input.agentActive });
  return deps.repos.channelBindings.create({
    agentId,
    channelType: input.channelType,
    channelAccountId: input.accountId,
    accessToken: input.accessToken ?? `token-${input.accountId}`,
    secretMetadata: input.appSecret ? { app_secret: input.appSecret } : undefined,
    webhookSecret: input.webhookSecret,
    isActive: input.isActive,
  });
}

/** The normalized event the inbox holds for this platform id, or null. */
export function stored(
  deps: ApiDeps,
  platform: "instagram" | "telegram" | "whatsapp",
  scope: string,
  externalId: string,
) {
  return deps.repos.inboundEvents.get(`${platform}#${scope}#${externalId}`);
}

export const inboxSize = (deps: ApiDeps) => deps.repos.inboundEvents.countQueued();

/** Serialised as Meta does (compact, non-ASCII escaped), so a signature covers the same bytes. */
export const metaJson = (payload: unknown): string =>
  JSON.stringify(payload).replace(
    /[\u007f-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );

/** One Instagram text DM, serialised as Meta does. */
export function instagramText(input: {
  account: string;
  sender: string;
  mid: string;
  text: string;
  timestamp?: number;
}): string {
  return metaJson({
    object: "instagram",
    entry: [
      {
        id: input.account,
        time: Date.now(),
        messaging: [
          {
            sender: { id: input.sender },
            recipient: { id: input.account },
            timestamp: input.timestamp ?? Date.now(),
            message: { mid: input.mid, text: input.text },
          },
        ],
      },
    ],
  });
}

/**
 * One change to `phoneNumberId` (its `messages`, `contacts`, `statuses`… in `value`), serialised as Meta
 * does. https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components
 */
export function whatsappChange(
  phoneNumberId: string,
  value: Record<string, unknown>,
  field = "messages",
): string {
  return metaJson({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field,
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550783881", phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  });
}

/** A WhatsApp delivery to `phoneNumberId` from the customer `waId`, serialised as Meta does. */
export function whatsappBody(
  phoneNumberId: string,
  waId: string,
  messages: Record<string, unknown>[],
  profileName = "Sheena Nelson",
): string {
  return whatsappChange(phoneNumberId, {
    contacts: [{ profile: { name: profileName }, wa_id: waId }],
    messages,
  });
}

/** One WhatsApp text message `id` from `from` (a delivery's `messages` item). */
export const whatsappTextItem = (id: string, text: string, from = "1", timestamp = "1") => ({
  from,
  id,
  timestamp,
  type: "text",
  text: { body: text },
});

/**
 * Every item read or write the client sends to these tables, counted by the data layer's command hook,
 * with the most that were in flight at once: how much database work a webhook request caused.
 * /health's DescribeTable is not counted.
 */
export function watchTableReads(deps: ApiDeps, tables: string[]) {
  const watched = new Set(tables);
  const stats = { count: 0, inFlight: 0, peak: 0 };
  // Through the data layer's command hook: the embedded engine answers item commands without the SDK.
  deps.db.onCommand((name, input) => {
    const table = input.TableName as string | undefined;
    if (table === undefined || !watched.has(table) || /^DescribeTable/.test(name)) return;
    stats.count++;
    stats.peak = Math.max(stats.peak, ++stats.inFlight);
    return () => {
      stats.inFlight--;
    };
  });
  return {
    stats,
    reset() {
      stats.count = 0;
      stats.peak = 0;
    },
  };
}

/** A WhatsApp delivery naming `count` phone number ids (one message each), compact like an attack. */
export function whatsappAccounts(count: number, prefix = "9"): string {
  const changes = Array.from(
    { length: count },
    (_, i) =>
      `{"field":"messages","value":{"metadata":{"phone_number_id":"${prefix}${i}"},"messages":[{"from":"1","id":"w${i}","timestamp":"1","type":"text"}]}}`,
  );
  return `{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[${changes.join(",")}]}]}`;
}
