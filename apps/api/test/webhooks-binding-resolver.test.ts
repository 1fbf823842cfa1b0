import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBindingResolver } from "../src/channels/webhooks/binding-resolver";
import type { ApiDeps } from "../src/deps";
import { createTestDeps } from "./helpers/test-api";
import { bindDirect, watchTableReads } from "./helpers/webhook-kit";

let deps: ApiDeps;
let reads: ReturnType<typeof watchTableReads>;

beforeAll(async () => {
  deps = await createTestDeps();
  const { channelBindings, agents, secrets } = deps.db.tables;
  reads = watchTableReads(deps, [channelBindings, agents, secrets]);
});
afterAll(() => deps.db.close());

describe("the webhook binding resolver's memory of misses", () => {
  it("remembers at most maxMisses invented accounts, dropping the oldest first", async () => {
    const resolver = createBindingResolver(deps.repos, { ttlMs: 60_000, maxMisses: 10 });
    for (let i = 0; i < 50; i++) await resolver.forAccount("whatsapp", `invented-${i}`, true);
    expect(resolver.rememberedMisses).toBe(10);

    reads.reset();
    await resolver.forAccount("whatsapp", "invented-49", true);
    expect(reads.stats.count).toBe(0);
    await resolver.forAccount("whatsapp", "invented-0", true);
    expect(reads.stats.count).toBe(1);
    expect(resolver.rememberedMisses).toBe(10);
  });

  it("deliveries verified by the environment look a miss up again: a new binding is found at once", async () => {
    const resolver = createBindingResolver(deps.repos, { ttlMs: 60_000 });
    expect(await resolver.forAccount("whatsapp", "555000new", false)).toBeNull();
    expect(await resolver.forAccount("whatsapp", "555000new", true)).toBeNull();
    await bindDirect(deps, { channelType: "whatsapp", accountId: "555000new" });
    expect((await resolver.forAccount("whatsapp", "555000new", false))?.refusal).toBeNull();
  });

  it("a found binding is served from memory, not read again", async () => {
    const resolver = createBindingResolver(deps.repos, { ttlMs: 60_000 });
    await bindDirect(deps, { channelType: "instagram", accountId: "1784140000000res" });
    expect((await resolver.forAccount("instagram", "1784140000000res", true))?.refusal).toBeNull();
    reads.reset();
    expect((await resolver.forAccount("instagram", "1784140000000res", true))?.refusal).toBeNull();
    expect(reads.stats.count).toBe(0);
  });
});
