import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./helpers/test-api";

let up: TestApi;
let dbDown: TestApi;

beforeAll(async () => {
  up = await startTestApi();
  dbDown = await startTestApi();
  await dbDown.deps.db.close();
});

afterAll(async () => {
  await up.close();
  await dbDown.api.close({ timeoutMs: 500 });
});

describe("health probes: liveness apart from readiness", () => {
  it("answers liveness while the database is unreachable, so a restart is not ordered for a database outage", async () => {
    const live = await fetch(`${dbDown.url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({
      status: "alive",
      version: "0.1.0",
      environment: "test",
    });
    const ready = await fetch(`${dbDown.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: "unhealthy",
      reason: "database unreachable",
    });
    expect((await fetch(`${dbDown.url}/health`)).status).toBe(503);
  });

  it("reports ready on /health and /health/ready with the same contract when the database answers", async () => {
    for (const path of ["/health", "/health/ready"]) {
      const res = await fetch(`${up.url}${path}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        status: "healthy",
        version: "0.1.0",
        environment: "test",
      });
    }
    const live = await fetch(`${up.url}/health/live`, { method: "HEAD" });
    expect(live.status).toBe(200);
  });
});
