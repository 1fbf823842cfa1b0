import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./helpers/test-api";
import { bindDirect, instagramText, metaSigned, post } from "./helpers/webhook-kit";

const APP_SECRET = "durability-secret";
const IG = "17841400000000321";
let t: TestApi;

beforeAll(async () => {
  t = await startTestApi({ INSTAGRAM_APP_SECRET: APP_SECRET });
  await bindDirect(t.deps, { channelType: "instagram", accountId: IG });
});
afterAll(() => t.close());

describe("when the inbox cannot be written", () => {
  it("the platform gets a non-2xx (so it re-delivers), never a 200", async () => {
    const hook = `${t.url}/api/v1/instagram/webhook`;
    const warm = instagramText({
      account: IG,
      sender: "1",
      mid: "warm",
      text: "routes are cached",
    });
    expect((await post(hook, warm, metaSigned(warm, APP_SECRET))).status).toBe(200);

    await t.deps.db.close();
    for (const [mid, account] of [
      ["lost?", IG],
      ["unrouted", "17841400000000322"],
    ] as const) {
      const body = instagramText({ account, sender: "1", mid, text: "the database is down" });
      const res = await post(hook, body, metaSigned(body, APP_SECRET));
      expect(res.status).toBe(503);
      expect(res.json()).toMatchObject({ error: { code: "UNAVAILABLE" } });
    }
  });
});

describe("platform bursts", () => {
  let limited: TestApi;
  beforeAll(async () => {
    limited = await startTestApi({ INSTAGRAM_APP_SECRET: APP_SECRET, RATE_LIMIT_PER_MINUTE: "2" });
    await bindDirect(limited.deps, { channelType: "instagram", accountId: IG });
  });
  afterAll(() => limited.close());

  it("are not rate limited (the API's per-IP limit is for /trpc)", async () => {
    const hook = `${limited.url}/api/v1/instagram/webhook`;
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const body = instagramText({ account: IG, sender: "2", mid: `burst_${i}`, text: "burst" });
      statuses.push((await post(hook, body, metaSigned(body, APP_SECRET))).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await limited.deps.repos.inboundEvents.countQueued()).toBe(6);
  });
});
