import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  META_ACCOUNT_LOOKUP_CONCURRENCY,
  META_MAX_ACCOUNTS_PER_DELIVERY,
} from "../src/channels/webhooks/meta-accounts";
import { startTestApi, type TestApi } from "./helpers/test-api";
import {
  bindDirect,
  metaSigned,
  post,
  stored,
  watchTableReads,
  whatsappAccounts,
  whatsappBody,
  whatsappTextItem,
  type WebhookResponse,
} from "./helpers/webhook-kit";

// Regression: with WHATSAPP_APP_SECRET unset (everyone who does not use WhatsApp), one delivery naming
// thousands of accounts made the API look up a binding for each of them at once, before any signature
// check: 2,000 ids turned /health into 503 for seconds, 22,000 ids (under 3 MB) killed the process.

const FORGED = { "x-hub-signature-256": `sha256=${"0".repeat(64)}` };
const BOUND = "555000999";
const BOUND_SECRET = "bound-number-app-secret";

/** Polls /health while `attack` runs (and once after it): every status it answered. */
async function healthDuring(
  url: string,
  attack: () => Promise<WebhookResponse>,
): Promise<{ response: WebhookResponse; health: number[] }> {
  const health: number[] = [];
  let done = false;
  const poll = (async () => {
    while (!done) {
      health.push((await fetch(`${url}/health`)).status);
      await delay(10);
    }
  })();
  const response = await attack().finally(() => {
    done = true;
  });
  await poll;
  health.push((await fetch(`${url}/health`)).status);
  return { response, health };
}

const genuineDelivery = (mid: string): string =>
  whatsappBody(BOUND, "79990001122", [whatsappTextItem(mid, "hi", "79990001122")]);

/** The API still does its job: a delivery signed with the bound number's own app secret is stored. */
async function expectStillServing(t: TestApi, mid: string) {
  const body = genuineDelivery(mid);
  const res = await post(`${t.url}/api/v1/whatsapp/webhook`, body, metaSigned(body, BOUND_SECRET));
  expect(res.status).toBe(200);
  expect(await stored(t.deps, "whatsapp", BOUND, mid)).not.toBeNull();
}

/**
 * The console's channel settings are read once per process per 30 s (channel-secrets.ts), whoever
 * posts: a constant cost, not a lookup a delivery causes, so it is paid before the reads are counted.
 */
async function warmChannelSecrets(t: TestApi) {
  await t.deps.channelSecrets.get("whatsapp_app_secret");
  await t.deps.channelSecrets.get("whatsapp_verify_token");
}

describe("a WhatsApp delivery naming thousands of accounts, no app secret in the environment", () => {
  let t: TestApi;
  let hook: string;
  let reads: ReturnType<typeof watchTableReads>;
  beforeAll(async () => {
    // As `npm start` runs: development, no WHATSAPP_APP_SECRET, unsigned deliveries not allowed.
    t = await startTestApi({ ENVIRONMENT: "development" });
    hook = `${t.url}/api/v1/whatsapp/webhook`;
    await bindDirect(t.deps, {
      channelType: "whatsapp",
      accountId: BOUND,
      appSecret: BOUND_SECRET,
    });
    await warmChannelSecrets(t);
    const { channelBindings, secrets, agents } = t.deps.db.tables;
    reads = watchTableReads(t.deps, [channelBindings, secrets, agents]);
  });
  afterAll(() => t.close());

  it.each([2_000, 22_000])(
    "%i ids, unsigned: a 401 before any lookup, /health 200 throughout, the API keeps serving",
    async (count) => {
      const body = whatsappAccounts(count);
      expect(Buffer.byteLength(body)).toBeLessThan(3 * 1024 * 1024);
      reads.reset();
      const { response, health } = await healthDuring(t.url, () => post(hook, body));
      expect(response.status).toBe(401);
      expect(response.json()).toMatchObject({
        error: { message: "X-Hub-Signature-256 is required" },
      });
      expect(reads.stats.count).toBe(0);
      expect(health.every((status) => status === 200)).toBe(true);
      await expectStillServing(t, `wamid.after-unsigned-${count}`);
    },
    60_000,
  );

  it.each([2_000, 22_000])(
    "%i ids with a forged signature: a 413 naming the account limit, before any lookup",
    async (count) => {
      const body = whatsappAccounts(count);
      reads.reset();
      const { response, health } = await healthDuring(t.url, () => post(hook, body, FORGED));
      expect(response.status).toBe(413);
      expect(String(response.json().error && JSON.stringify(response.json().error))).toContain(
        `at most ${META_MAX_ACCOUNTS_PER_DELIVERY} accounts`,
      );
      expect(reads.stats.count).toBe(0);
      expect(health.every((status) => status === 200)).toBe(true);
      await expectStillServing(t, `wamid.after-forged-${count}`);
    },
    60_000,
  );

  it("at the account limit, lookups are one per account, a few at a time, and misses are remembered", async () => {
    const body = whatsappAccounts(META_MAX_ACCOUNTS_PER_DELIVERY, "7");
    reads.reset();
    const first = await post(hook, body, FORGED);
    // Nobody is bound to these numbers: nothing to verify, nothing stored, acknowledged.
    expect(first.status).toBe(200);
    expect(first.json()).toMatchObject({ stored: 0, skipped: META_MAX_ACCOUNTS_PER_DELIVERY });
    expect(reads.stats.count).toBe(META_MAX_ACCOUNTS_PER_DELIVERY);
    expect(reads.stats.peak).toBeLessThanOrEqual(META_ACCOUNT_LOOKUP_CONCURRENCY);

    reads.reset();
    expect((await post(hook, body, FORGED)).status).toBe(200);
    expect(reads.stats.count).toBe(0);
  });

  it("a forged signature naming the bound number is refused (403) and nothing is stored", async () => {
    const body = genuineDelivery("wamid.forged");
    expect((await post(hook, body, FORGED)).status).toBe(403);
    expect(await stored(t.deps, "whatsapp", BOUND, "wamid.forged")).toBeNull();
  });
});

describe("the same flood where unsigned deliveries are explicitly allowed (development only)", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ ENVIRONMENT: "development", ALLOW_UNSIGNED_WEBHOOKS: "true" });
    await bindDirect(t.deps, {
      channelType: "whatsapp",
      accountId: BOUND,
      appSecret: BOUND_SECRET,
    });
  });
  afterAll(() => t.close());

  it("22,000 ids, unsigned: a 413 before any lookup, /health 200 throughout", async () => {
    await warmChannelSecrets(t);
    const { channelBindings, secrets, agents } = t.deps.db.tables;
    const reads = watchTableReads(t.deps, [channelBindings, secrets, agents]);
    const { response, health } = await healthDuring(t.url, () =>
      post(`${t.url}/api/v1/whatsapp/webhook`, whatsappAccounts(22_000)),
    );
    expect(response.status).toBe(413);
    expect(reads.stats.count).toBe(0);
    expect(health.every((status) => status === 200)).toBe(true);
    await expectStillServing(t, "wamid.after-allowed");
  }, 60_000);
});
