import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiProcess } from "./helpers/api-process";
import {
  endpointEnv,
  runProvision,
  startDynaliteServer,
  type DynamoEndpoint,
} from "./helpers/cluster";

// A standalone DynamoDB-compatible endpoint without the TTL API (dynalite as a server answers
// UpdateTimeToLive with a bare 400 the SDK calls UnknownError): provisioning and start-up warn, they do
// not fail, and the API's expiry sweep stands in for TTL.

let dynamo: DynamoEndpoint;
let dataDir = "";
beforeAll(async () => {
  dynamo = await startDynaliteServer();
  dataDir = await mkdtemp(join(tmpdir(), "agents-crm-endpoint-"));
});
afterAll(async () => {
  await dynamo?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("a DynamoDB endpoint without TTL", () => {
  it("npm run db:provision creates the tables and warns about TTL, twice without error", async () => {
    const first = await runProvision(endpointEnv(dynamo.endpoint));
    expect(first.output).not.toContain("provisioning failed");
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/warning +this DynamoDB engine has no TTL API/);
    expect(first.output).toContain("doctor-agent-leases");
    const second = await runProvision(endpointEnv(dynamo.endpoint));
    expect(second.code).toBe(0);
    expect(second.output).toMatch(/created +-/);
  });

  it("the API starts on it (auto-provision too), says so, and sweeps expired items", async () => {
    const api = await startApiProcess({
      env: {
        ...endpointEnv(dynamo.endpoint),
        DYNAMODB_AUTO_PROVISION: "true",
        DATA_DIR: dataDir,
        ADMIN_TOKEN: "endpoint-admin-token-0123456789",
        SEED_DEMO: "false",
      },
    });
    try {
      const health = await fetch(`${api.url}/health`);
      expect(health.status).toBe(200);
      const deadline = Date.now() + 10_000;
      while (!api.output().includes("expiry sweep done") && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(api.output()).toContain("deletes no expired items (no TTL)");
      expect(api.output()).toContain("expiry sweep done");
    } finally {
      expect(await api.stop()).toBe(0);
    }
  });
});
