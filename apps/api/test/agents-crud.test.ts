import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import type { ApiDeps } from "../src/deps";
import { callerAs } from "./helpers/auth-fixtures";
import { auditOf, createStaffDeps, failure } from "./helpers/router-kit";

let deps: ApiDeps;
let admin: Staff;
let operator: Staff;

beforeAll(async () => {
  ({ deps, admin, operator } = await createStaffDeps());
});

afterAll(() => deps.db.close());

const doc = (agentId: string, extra: Record<string, unknown> = {}) => ({
  agent_id: agentId,
  profile: {
    doctor_display_name: "Dr. Who",
    clinic_display_name: "Smile",
    specialty: "dentist",
    languages: ["en"],
  },
  llm: { model: "gpt-4o-mini", temperature: 0.2 },
  rag: {
    sources: [
      {
        id: "prices",
        title: "Prices",
        content: "A cleaning costs 80 EUR. Whitening costs 200 EUR.",
      },
    ],
  },
  ...extra,
});

describe("agents.create", () => {
  it("stores the document as written, fills agent_id, indexes knowledge and audits", async () => {
    const { agent_id: _omit, ...withoutId } = doc("alpha");
    const result = await callerAs(deps, admin).agents.create({
      agentId: "alpha",
      config: withoutId,
    });
    expect(result.agent).toMatchObject({
      agentId: "alpha",
      isActive: true,
      version: 1,
      model: "gpt-4o-mini",
    });
    expect(result.agent.config).toEqual({ ...withoutId, agent_id: "alpha" });
    expect(result.knowledge.status).toBe("indexed");
    expect(result.knowledge.chunks).toBeGreaterThan(0);
    expect(await deps.repos.ragChunks.countByAgent("alpha")).toBe(result.knowledge.chunks);
    const [entry] = await auditOf(deps, "alpha");
    expect(entry).toMatchObject({
      action: "agent.create",
      actorId: admin.id,
      resourceType: "agent",
    });
    expect(entry?.requestId).toBeTruthy();
  });

  it("answers field-level BAD_REQUEST issues under config.*", async () => {
    const bad = doc("beta", { rag: { retrieval: { top_k: 0 } }, burst_window_ms: "soon" });
    const err = await failure(
      callerAs(deps, admin).agents.create({ agentId: "beta", config: bad }),
    );
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.paths).toEqual(
      expect.arrayContaining(["config.rag.retrieval.top_k", "config.burst_window_ms"]),
    );
    expect(await deps.repos.agents.get("beta")).toBeNull();
  });

  it("refuses a config.agent_id that differs from agentId, and a bad id", async () => {
    const err = await failure(
      callerAs(deps, admin).agents.create({ agentId: "gamma", config: doc("other") }),
    );
    expect(err).toMatchObject({ code: "BAD_REQUEST", paths: ["config.agent_id"] });
    const badId = await failure(
      callerAs(deps, admin).agents.create({ agentId: "no spaces", config: doc("x") }),
    );
    expect(badId).toMatchObject({ code: "BAD_REQUEST", paths: ["agentId"] });
  });

  it("answers CONFLICT when the agent exists", async () => {
    const err = await failure(
      callerAs(deps, admin).agents.create({ agentId: "alpha", config: doc("alpha") }),
    );
    expect(err.code).toBe("CONFLICT");
  });

  it("names inert fields as warnings instead of ignoring them silently", async () => {
    const result = await callerAs(deps, admin).agents.create({
      agentId: "inert",
      config: doc("inert", {
        privacy: { message_retention: { ttl_hours: 48 } },
        rag: { sources: [{ id: "empty" }] },
      }),
    });
    const paths = result.warnings.map((w) => w.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "privacy.message_retention",
        "rag.sources[0].content",
        "rag.sources",
      ]),
    );
  });
});

describe("agents.update", () => {
  it("deep-merges over the stored document, keeps created_at and re-indexes", async () => {
    const before = (await deps.repos.agents.get("alpha"))!;
    const result = await callerAs(deps, admin).agents.update({
      agentId: "alpha",
      config: {
        profile: { specialty: "orthodontist" },
        rag: {
          sources: [{ id: "hours", title: "Hours", content: "We open at nine on weekdays." }],
        },
      },
    });
    const profile = result.agent.config.profile as Record<string, unknown>;
    expect(profile).toEqual({
      doctor_display_name: "Dr. Who",
      clinic_display_name: "Smile",
      specialty: "orthodontist",
      languages: ["en"],
    });
    expect(result.agent.config.llm).toEqual({ model: "gpt-4o-mini", temperature: 0.2 });
    expect(result.agent.createdAt).toBe(before.createdAt);
    expect(result.agent.version).toBe(before.version + 1);
    const chunks = await deps.repos.ragChunks.loadAll("alpha");
    expect(new Set(chunks.map((c) => c.sourceId))).toEqual(new Set(["hours"]));
    const entry = (await auditOf(deps, "alpha")).find((e) => e.action === "agent.update");
    expect(entry?.oldValue).toMatchObject({ version: before.version });
    expect(entry?.newValue).toMatchObject({ version: before.version + 1 });
  });

  it("removes a field with null and validates the merged result", async () => {
    const removed = await callerAs(deps, admin).agents.update({
      agentId: "alpha",
      config: { llm: { temperature: null } },
    });
    expect(removed.agent.config.llm).toEqual({ model: "gpt-4o-mini" });
    const err = await failure(
      callerAs(deps, admin).agents.update({
        agentId: "alpha",
        config: { llm: { temperature: 7 } },
      }),
    );
    expect(err).toMatchObject({ code: "BAD_REQUEST", paths: ["config.llm.temperature"] });
    const err2 = await failure(
      callerAs(deps, admin).agents.update({ agentId: "alpha", config: { agent_id: "zeta" } }),
    );
    expect(err2.paths).toEqual(["config.agent_id"]);
  });

  it("answers CONFLICT on a stale expectedVersion and NOT_FOUND for an unknown agent", async () => {
    const current = (await deps.repos.agents.get("alpha"))!;
    const ok = await callerAs(deps, admin).agents.update({
      agentId: "alpha",
      config: { profile: { specialty: "dentist" } },
      expectedVersion: current.version,
    });
    expect(ok.agent.version).toBe(current.version + 1);
    const stale = await failure(
      callerAs(deps, admin).agents.update({
        agentId: "alpha",
        config: {},
        expectedVersion: current.version,
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    const missing = await failure(
      callerAs(deps, admin).agents.update({ agentId: "nobody", config: {} }),
    );
    expect(missing.code).toBe("NOT_FOUND");
  });

  it("never re-activates a deactivated agent", async () => {
    await callerAs(deps, admin).agents.create({ agentId: "sleepy", config: doc("sleepy") });
    await callerAs(deps, admin).agents.delete({ agentId: "sleepy" });
    const result = await callerAs(deps, admin).agents.update({
      agentId: "sleepy",
      config: { profile: { specialty: "x" } },
    });
    expect(result.agent.isActive).toBe(false);
    expect(result.knowledge.status).toBe("skipped");
    expect(await deps.repos.ragChunks.countByAgent("sleepy")).toBe(0);
  });
});

describe("agents.list and agents.byId", () => {
  it("gives operators summaries and admins the documents", async () => {
    const asOperator = await callerAs(deps, operator).agents.list({ limit: 100 });
    const alpha = asOperator.items.find((a) => a.agentId === "alpha");
    expect(alpha).toMatchObject({
      isActive: true,
      model: "gpt-4o-mini",
      card: { displayName: "Dr. Who" },
    });
    expect(alpha).not.toHaveProperty("config");
    const asAdmin = await callerAs(deps, admin).agents.list({ limit: 100 });
    expect(asAdmin.items.find((a) => a.agentId === "alpha")).toHaveProperty("config");
    const active = await callerAs(deps, admin).agents.list({ activeOnly: true, limit: 100 });
    expect(active.items.map((a) => a.agentId)).not.toContain("sleepy");
  });

  it("pages with a cursor", async () => {
    const first = await callerAs(deps, admin).agents.list({ limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBeTruthy();
    const second = await callerAs(deps, admin).agents.list({ limit: 1, cursor: first.nextCursor });
    expect(second.items[0]?.agentId).not.toBe(first.items[0]?.agentId);
    const bad = await failure(callerAs(deps, admin).agents.list({ cursor: "garbage" }));
    expect(bad).toMatchObject({ code: "BAD_REQUEST", paths: ["cursor"] });
  });

  it("returns the full record with warnings and knowledge size", async () => {
    const detail = await callerAs(deps, admin).agents.byId({ agentId: "inert" });
    expect(detail.warnings.map((w) => w.path)).toContain("privacy.message_retention");
    expect(detail.issues).toEqual([]);
    expect(detail.knowledge).toMatchObject({ chunks: 0, sources: 1, ragEnabled: true });
    const alpha = await callerAs(deps, admin).agents.byId({ agentId: "alpha" });
    expect(alpha.knowledge.chunks).toBeGreaterThan(0);
    expect((await failure(callerAs(deps, admin).agents.byId({ agentId: "nope" }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("refuses operators everything but list", async () => {
    const err = await failure(callerAs(deps, operator).agents.byId({ agentId: "alpha" }));
    expect(err.code).toBe("FORBIDDEN");
  });
});
