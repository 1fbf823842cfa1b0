import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AlreadyExistsError, NotFoundError, VersionConflictError } from "../src/lib/errors";
import { manualClock, startTestDb } from "../src/testing";
import type { TestDb } from "../src/testing";
import { collectAll } from "./support/collect";

const clock = manualClock();
let t: TestDb;

const config = {
  agent_id: "dr-smile",
  llm: { provider: "openai", model: "gpt-4o-mini", temperature: 0.2, max_tokens: 600 },
  rag: {
    enabled: true,
    retrieve: { top_k: 6, score_threshold: 0.2 },
    sources: [{ id: "doc_about", type: "text", title: "About", content: "We are open 9-18." }],
  },
  escalation: { thresholds: [0.25, 0.5, 1e-7, -3], keywords: ["urgent"], empty: "" },
  flags: { audit_log: true, nothing: null },
};

beforeAll(async () => {
  t = await startTestDb({ now: clock.now, queryPageSize: 3 });
});
afterAll(() => t.close());

describe("agents", () => {
  it("stores the config as a native map: numbers come back as numbers", async () => {
    await t.repos.agents.create({ agentId: "dr-smile", config });
    const got = await t.repos.agents.get("dr-smile");
    expect(got?.config).toEqual(config);
    const retrieve = (got?.config.rag as { retrieve: { top_k: unknown; score_threshold: unknown } })
      .retrieve;
    expect(typeof retrieve.top_k).toBe("number");
    expect(retrieve.score_threshold).toBe(0.2);

    const raw = await t.db.raw.send(
      new GetItemCommand({ TableName: t.db.tables.agents, Key: { agent_id: { S: "dr-smile" } } }),
    );
    expect(raw.Item?.config?.M?.llm?.M?.temperature).toEqual({ N: "0.2" });
  });

  it("create refuses an existing id", async () => {
    await expect(t.repos.agents.create({ agentId: "dr-smile", config: {} })).rejects.toThrow(
      AlreadyExistsError,
    );
  });

  it("update keeps created_at, bumps the version and checks the expected version", async () => {
    const before = await t.repos.agents.get("dr-smile");
    if (!before) throw new Error("missing agent");
    clock.advance(60_000);
    const updated = await t.repos.agents.update("dr-smile", {
      config: { ...config, llm: { ...config.llm, temperature: 0.7 } },
      expectedVersion: before.version,
    });
    expect(updated).toMatchObject({ createdAt: before.createdAt, version: before.version + 1 });
    expect(updated.updatedAt > before.updatedAt).toBe(true);
    expect((updated.config.llm as { temperature: number }).temperature).toBe(0.7);
    await expect(
      t.repos.agents.update("dr-smile", { config, expectedVersion: before.version }),
    ).rejects.toThrow(VersionConflictError);
    await expect(t.repos.agents.update("ghost", { config })).rejects.toThrow(NotFoundError);
  });

  it("lists through the list index (no Scan), optionally only active agents", async () => {
    for (let i = 0; i < 10; i++)
      await t.repos.agents.create({ agentId: `agent-${i}`, config: { i } });
    await t.repos.agents.setActive("agent-3", false);
    await t.repos.agents.setActive("agent-7", false);
    t.commands.reset();
    const all = await collectAll((cursor) => t.repos.agents.list({ cursor, limit: 4 }), 4);
    expect(all.items.map((a) => a.agentId)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `agent-${i}`),
      "dr-smile",
    ]);
    const active = await collectAll(
      (cursor) => t.repos.agents.list({ activeOnly: true, cursor, limit: 4 }),
      4,
    );
    expect(active.items.map((a) => a.agentId)).not.toContain("agent-3");
    expect(active.items).toHaveLength(9);
    expect(new Set(t.commands.calls.map((c) => `${c.name}:${c.indexName}`))).toEqual(
      new Set(["QueryCommand:list-index"]),
    );
  });
});
