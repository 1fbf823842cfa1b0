import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { startFakeGraph, type FakeGraph } from "./fakes/fake-graph";
import { callerAs, machine } from "./helpers/auth-fixtures";
import { createTestDeps } from "./helpers/test-api";

const IG_ACCOUNT = "17841400000000001";
const WA_NUMBER = "106540352242922";
let graph: FakeGraph;
let deps: ApiDeps;

beforeAll(async () => {
  graph = await startFakeGraph();
  deps = await createTestDeps({
    INSTAGRAM_GRAPH_BASE_URL: graph.url,
    WHATSAPP_GRAPH_BASE_URL: graph.url,
  });
  graph.addInstagramAccount(IG_ACCOUNT, "IGAA-good-token");
  graph.addWhatsAppNumber(WA_NUMBER, "EAAG-good-token");
  await deps.repos.agents.create({
    agentId: "meta_agent",
    config: {
      agent_id: "meta_agent",
      profile: { doctor_display_name: "Dr", clinic_display_name: "C" },
    },
  });
});

afterAll(async () => {
  await deps.db.close();
  await graph.close();
});

async function bind(channelType: "instagram" | "whatsapp", accountId: string, token: string) {
  const c = callerAs(deps, machine);
  const binding = await c.bindings.create({
    agentId: "meta_agent",
    channelType,
    channelAccountId: accountId,
    accessToken: token,
  });
  return { c, bindingId: binding.bindingId };
}

describe("bindings.verify on Meta channels", () => {
  it("verifies an Instagram token by reading the bound account", async () => {
    const { c, bindingId } = await bind("instagram", IG_ACCOUNT, "IGAA-good-token");
    const result = await c.bindings.verify({ bindingId });
    expect(result).toMatchObject({
      status: "verified",
      isVerified: true,
      account: { id: IG_ACCOUNT, username: `account_${IG_ACCOUNT}` },
    });
    expect(JSON.stringify(result)).not.toContain("IGAA-good-token");
    expect(await deps.repos.channelBindings.get(bindingId)).toMatchObject({
      isVerified: true,
      channelUsername: `account_${IG_ACCOUNT}`,
    });
    await c.bindings.delete({ bindingId });
  });

  it("reports a rejected token as a failed verification with Meta's reason", async () => {
    const { c, bindingId } = await bind("instagram", IG_ACCOUNT, "IGAA-revoked-token");
    const result = await c.bindings.verify({ bindingId });
    expect(result).toMatchObject({ status: "verification_failed", isVerified: false });
    expect(result.status === "verification_failed" && result.reason).toMatch(/token/i);
    expect((await deps.repos.channelBindings.get(bindingId))?.lastError).toBeTruthy();
    await c.bindings.delete({ bindingId });
  });

  it("verifies a WhatsApp business number and names it", async () => {
    const { c, bindingId } = await bind("whatsapp", WA_NUMBER, "EAAG-good-token");
    const result = await c.bindings.verify({ bindingId });
    expect(result).toMatchObject({
      status: "verified",
      account: { id: WA_NUMBER, username: "+971 4 555 0100", name: "Sunrise Family Clinic" },
    });
    await c.bindings.delete({ bindingId });
  });

  it("claims nothing when Meta answers 5xx", async () => {
    const { c, bindingId } = await bind("whatsapp", WA_NUMBER, "EAAG-good-token");
    graph.failNext("whatsapp.number", { status: 503 });
    const result = await c.bindings.verify({ bindingId });
    expect(result).toMatchObject({ status: "unverified", isVerified: false });
    await c.bindings.delete({ bindingId });
  });
});
