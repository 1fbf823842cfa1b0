import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboundEventSchema } from "../src/channels/inbound-event";
import { parseInstagram } from "../src/channels/webhooks/instagram-events";
import { startTestApi, type TestApi } from "./helpers/test-api";
import {
  bindDirect,
  fixture,
  inboxSize,
  instagramText,
  metaSigned,
  post,
  stored,
} from "./helpers/webhook-kit";

const APP_SECRET = "ig-app-secret-for-tests";
const VERIFY_TOKEN = "ig-verify-token";
const IG = "17841400000000001";

let t: TestApi;
let hook: string;
let nudges = 0;

beforeAll(async () => {
  t = await startTestApi({
    INSTAGRAM_APP_SECRET: APP_SECRET,
    INSTAGRAM_WEBHOOK_VERIFY_TOKEN: VERIFY_TOKEN,
  });
  hook = `${t.url}/api/v1/instagram/webhook`;
  t.deps.inboxSignal.subscribe(() => nudges++);
  await bindDirect(t.deps, { channelType: "instagram", accountId: IG, agentId: "ig-agent" });
});

afterAll(() => t.close());

const send = (body: string, headers: Record<string, string> = metaSigned(body, APP_SECRET)) =>
  post(hook, body, headers);

describe("GET hub.challenge", () => {
  const get = (query: string) => fetch(`${hook}?${query}`);

  it("echoes the challenge as text/plain for our verify token", async () => {
    const res = await get(
      `hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toBe("1158201444");
  });

  it("refuses a wrong token, a wrong mode or a missing challenge", async () => {
    for (const query of [
      "hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1",
      `hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`,
      `hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}`,
      "",
    ]) {
      expect((await get(query)).status).toBe(403);
    }
  });
});

describe("POST signature", () => {
  it("a correctly signed DM is stored as its normalized event and acknowledged", async () => {
    const body = fixture("instagram-text.json");
    const before = nudges;
    const res = await send(body);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: "ok", stored: 1, duplicates: 0, skipped: 0 });
    const mid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDAx";
    const event = await stored(t.deps, "instagram", IG, mid);
    const binding = (await t.deps.repos.channelBindings.findByAccount("instagram", IG))[0];
    expect(event).toMatchObject({
      status: "pending",
      orderKey: `${binding?.bindingId}#8000000000000001`,
      payload: {
        platform: "instagram",
        bindingId: binding?.bindingId,
        agentId: "ig-agent",
        accountId: IG,
        externalUserId: "8000000000000001",
        externalMessageId: mid,
        kind: "text",
        text: "Hi! Do you do teeth whitening?",
      },
    });
    expect(inboundEventSchema.parse(event?.payload)).toEqual(event?.payload);
    expect(nudges).toBe(before + 1);
  });

  it("verifies the raw bytes: escaped unicode passes, the same JSON re-serialised does not", async () => {
    const raw = fixture("instagram-unicode.json");
    const signature = metaSigned(raw, APP_SECRET);
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(reserialised).not.toBe(raw);
    expect((await send(reserialised, signature)).status).toBe(403);
    expect(await stored(t.deps, "instagram", IG, "ig_mid_unicode")).toBeNull();

    expect((await send(raw, signature)).status).toBe(200);
    const event = await stored(t.deps, "instagram", IG, "ig_mid_unicode");
    expect(event?.payload.text).toBe(
      "Café ou thé à 9h ? Ça marche 🦷 https://example.com/réservation",
    );
  });

  it("a body with literal non-ASCII bytes verifies too", async () => {
    const body = JSON.stringify(
      JSON.parse(
        instagramText({ account: IG, sender: "81", mid: "ig_utf8", text: "Привет, 你好 🦷" }),
      ),
    );
    expect((await send(body)).status).toBe(200);
    expect((await stored(t.deps, "instagram", IG, "ig_utf8"))?.payload.text).toBe(
      "Привет, 你好 🦷",
    );
  });

  it("missing → 401, bad or foreign → 403, and nothing is stored", async () => {
    const body = instagramText({ account: IG, sender: "82", mid: "ig_forged", text: "forged" });
    const size = await inboxSize(t.deps);
    expect((await send(body, {})).status).toBe(401);
    expect((await send(body, { "x-hub-signature-256": "sha256=" + "0".repeat(64) })).status).toBe(
      403,
    );
    expect((await send(body, { "x-hub-signature-256": "not-a-signature" })).status).toBe(403);
    expect((await send(body, metaSigned(body, "another-app-secret"))).status).toBe(403);
    expect(
      (await send("{not json", { "x-hub-signature-256": "sha256=" + "1".repeat(64) })).status,
    ).toBe(403);
    expect(await stored(t.deps, "instagram", IG, "ig_forged")).toBeNull();
    expect(await inboxSize(t.deps)).toBe(size);
  });

  it("with INSTAGRAM_APP_SECRET set, only it verifies (a binding's own secret does not)", async () => {
    const other = "17841400000000777";
    await bindDirect(t.deps, {
      channelType: "instagram",
      accountId: other,
      appSecret: "second-app-secret",
    });
    const body = instagramText({ account: other, sender: "83", mid: "ig_second_app", text: "hi" });
    expect((await send(body, metaSigned(body, "second-app-secret"))).status).toBe(403);
    expect(await stored(t.deps, "instagram", other, "ig_second_app")).toBeNull();
    expect((await send(body)).status).toBe(200);
  });
});

describe("POST storage", () => {
  it("the same payload delivered 3 times is stored once", async () => {
    const body = fixture("instagram-attachments.json");
    const size = await inboxSize(t.deps);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await send(body)).json());
    expect(answers).toEqual([
      { status: "ok", stored: 7, duplicates: 0, skipped: 0 },
      { status: "ok", stored: 0, duplicates: 7, skipped: 0 },
      { status: "ok", stored: 0, duplicates: 7, skipped: 0 },
    ]);
    expect(await inboxSize(t.deps)).toBe(size + 7);
  });

  it("concurrent re-deliveries are stored once", async () => {
    const body = instagramText({ account: IG, sender: "84", mid: "ig_race", text: "racing" });
    const size = await inboxSize(t.deps);
    const answers = await Promise.all([send(body), send(body), send(body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.json().stored).sort()).toEqual([0, 0, 1]);
    expect(await inboxSize(t.deps)).toBe(size + 1);
  });

  it("every fixture stores exactly what the parser yields for bound accounts", async () => {
    for (const name of [
      "instagram-reactions.json",
      "instagram-edit-unsend-read.json",
      "instagram-echo.json",
    ]) {
      const body = fixture(name);
      const expected = parseInstagram(JSON.parse(body), new Date()).events;
      const res = await send(body);
      expect(res.status).toBe(200);
      for (const event of expected) {
        const { orderSort: _, ...fields } = event;
        const payload = (await stored(t.deps, "instagram", IG, event.externalMessageId))?.payload;
        // Stored as JSON: absent fields stay absent.
        expect(payload).toMatchObject(JSON.parse(JSON.stringify(fields)) as object);
      }
    }
  });

  it("a batch with several entries: bound ones stored, an unknown account acknowledged and skipped", async () => {
    const res = await send(fixture("instagram-batch.json"));
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: "ok", stored: 3, duplicates: 0, skipped: 1 });
    for (const mid of ["ig_mid_batch_1", "ig_mid_batch_2", "ig_mid_batch_3"]) {
      expect(await stored(t.deps, "instagram", IG, mid)).not.toBeNull();
    }
    expect(
      await stored(t.deps, "instagram", "17841400000000099", "ig_mid_batch_unbound"),
    ).toBeNull();
  });

  it("an inactive binding or inactive agent: acknowledged, nothing stored", async () => {
    await bindDirect(t.deps, {
      channelType: "instagram",
      accountId: "17841400000000201",
      isActive: false,
    });
    await bindDirect(t.deps, {
      channelType: "instagram",
      accountId: "17841400000000202",
      agentActive: false,
    });
    for (const account of ["17841400000000201", "17841400000000202"]) {
      const body = instagramText({
        account,
        sender: "85",
        mid: `ig_off_${account}`,
        text: "anyone?",
      });
      const res = await send(body);
      expect(res.status).toBe(200);
      expect(res.json()).toMatchObject({ stored: 0, skipped: 1 });
      expect(await stored(t.deps, "instagram", account, `ig_off_${account}`)).toBeNull();
    }
  });

  it("malformed JSON → 400 and a body over the limit → 413", async () => {
    const garbage = "{not json";
    expect((await send(garbage)).status).toBe(400);
    const huge = Buffer.alloc(3 * 1024 * 1024 + 1, 0x20);
    const res = await post(hook, huge, metaSigned(huge, APP_SECRET));
    expect(res.status).toBe(413);
  });

  it("other methods → 405; unknown paths under /api/v1 → 404", async () => {
    expect((await fetch(hook, { method: "PUT" })).status).toBe(405);
    expect((await fetch(`${t.url}/api/v1/debug/recent-instagram-conversations`)).status).toBe(404);
    expect((await fetch(`${t.url}/api/v1/webhook-events/recent`)).status).toBe(404);
    expect((await post(`${t.url}/api/v1/webhook-test/simulate-instagram`, "{}")).status).toBe(404);
  });
});
