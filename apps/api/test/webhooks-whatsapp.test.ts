import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseWhatsApp } from "../src/channels/webhooks/whatsapp-events";
import { startTestApi, type TestApi } from "./helpers/test-api";
import { bindDirect, fixture, inboxSize, metaSigned, post, stored } from "./helpers/webhook-kit";

const APP_SECRET = "wa-app-secret-for-tests";
const VERIFY_TOKEN = "wa-verify-token";
const PHONE_ID = "106540352242922";

let t: TestApi;
let hook: string;
let bindingId: string;

beforeAll(async () => {
  t = await startTestApi({ WHATSAPP_APP_SECRET: APP_SECRET, WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN });
  hook = `${t.url}/api/v1/whatsapp/webhook`;
  ({ bindingId } = await bindDirect(t.deps, {
    channelType: "whatsapp",
    accountId: PHONE_ID,
    agentId: "wa-agent",
  }));
});

afterAll(() => t.close());

const send = (body: string, headers: Record<string, string> = metaSigned(body, APP_SECRET)) =>
  post(hook, body, headers);

describe("WhatsApp webhook", () => {
  it("GET: subscribe handshake with WHATSAPP_VERIFY_TOKEN", async () => {
    const ok = await fetch(
      `${hook}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=abc123`,
    );
    expect([ok.status, await ok.text()]).toEqual([200, "abc123"]);
    const bad = await fetch(
      `${hook}?hub.mode=subscribe&hub.verify_token=ig-verify-token&hub.challenge=abc123`,
    );
    expect(bad.status).toBe(403);
  });

  it("signature: missing → 401, wrong → 403, nothing stored", async () => {
    const body = fixture("whatsapp-text.json");
    expect((await send(body, {})).status).toBe(401);
    expect((await send(body, metaSigned(body, "ig-app-secret-for-tests"))).status).toBe(403);
    expect(await inboxSize(t.deps)).toBe(0);
  });

  it("a text message stored under the phone number id, keyed by its wamid", async () => {
    const id = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";
    expect((await send(fixture("whatsapp-text.json"))).json()).toEqual({
      status: "ok",
      stored: 1,
      duplicates: 0,
      skipped: 0,
    });
    expect(await stored(t.deps, "whatsapp", PHONE_ID, id)).toMatchObject({
      orderKey: `${bindingId}#16505551234`,
      payload: {
        platform: "whatsapp",
        bindingId,
        agentId: "wa-agent",
        accountId: PHONE_ID,
        externalUserId: "16505551234",
        externalMessageId: id,
        kind: "text",
        text: "Does it come in another color?",
        sender: { name: "Sheena Nelson" },
      },
    });
  });

  it("every message type of the fixtures is stored as parsed", async () => {
    for (const name of ["whatsapp-media.json", "whatsapp-interactive.json"]) {
      const body = fixture(name);
      const expected = parseWhatsApp(JSON.parse(body), new Date()).events;
      const res = await send(body);
      expect(res.json()).toMatchObject({ stored: expected.length, duplicates: 0 });
      for (const { orderSort: _, ...fields } of expected) {
        const event = await stored(t.deps, "whatsapp", PHONE_ID, fields.externalMessageId);
        expect(event?.payload).toMatchObject(JSON.parse(JSON.stringify(fields)) as object);
      }
    }
  });

  it("delivery statuses are stored once as reports for the workers, never as messages", async () => {
    const size = await inboxSize(t.deps);
    const res = await send(fixture("whatsapp-statuses.json"));
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: "ok", stored: 2, duplicates: 0, skipped: 0 });
    expect(await inboxSize(t.deps)).toBe(size + 2);
    const report = await t.deps.repos.inboundEvents.get(
      "whatsapp#statuses#wamid.outbound02#failed",
    );
    expect(report?.payload).toMatchObject({
      job: "delivery_status",
      platformMessageId: "wamid.outbound02",
      status: "failed",
      reason: { code: "131047" },
    });
    // Meta re-delivers: the same reports are duplicates.
    expect((await send(fixture("whatsapp-statuses.json"))).json()).toMatchObject({
      stored: 0,
      duplicates: 2,
    });
  });

  it("a batch: several senders stored in their conversations; an unbound number skipped", async () => {
    const body = fixture("whatsapp-batch.json");
    const first = await send(body);
    expect(first.json()).toEqual({ status: "ok", stored: 3, duplicates: 0, skipped: 1 });
    const again = await send(body);
    const third = await send(body);
    expect([again.json().duplicates, third.json().duplicates]).toEqual([3, 3]);
    const one = await stored(t.deps, "whatsapp", PHONE_ID, "wamid.batch01");
    const three = await stored(t.deps, "whatsapp", PHONE_ID, "wamid.batch03");
    expect(one?.orderKey).toBe(three?.orderKey);
    expect(one && three && one.orderSort < three.orderSort).toBe(true);
    expect(await stored(t.deps, "whatsapp", "106540352242999", "wamid.batch04")).toBeNull();
  });
});
