import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import type { ApiDeps } from "../src/deps";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createTestDeps } from "./helpers/test-api";
import { auditActions, failure } from "./helpers/router-kit";

const REFERENCE_YAML = new URL(
  "../../../packages/config/test/fixtures/reference-shaped-agent.yaml",
  import.meta.url,
);

let deps: ApiDeps;
let admin: Staff;
let referenceText: string;

beforeAll(async () => {
  deps = await createTestDeps();
  admin = principalOf(await seedUser(deps, { role: "owner" }));
  referenceText = await readFile(REFERENCE_YAML, "utf8");
});

afterAll(() => deps.db.close());

describe("agents.import", () => {
  it("imports the reference's YAML unchanged and names its inert fields", async () => {
    const result = await callerAs(deps, admin).agents.import({ text: referenceText });
    expect(result.created).toBe(true);
    expect(result.agent.agentId).toBe("dentist_042");
    expect(result.agent.config).toEqual(parse(referenceText));
    const paths = result.warnings.map((w) => w.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "privacy.consent_model",
        "rag.vector_store",
        "llm.api",
        "monitoring.flags",
      ]),
    );
    expect(result.warnings.every((w) => w.message.startsWith(w.path))).toBe(true);
    expect(result.knowledge.status).toBe("indexed");
    expect(await auditActions(deps, "dentist_042")).toContain("agent.create");
  });

  it("refuses to overwrite without overwrite, replaces with it and keeps created_at", async () => {
    const before = (await deps.repos.agents.get("dentist_042"))!;
    const changed = referenceText.replace('specialty: "dentist"', 'specialty: "surgeon"');
    expect((await failure(callerAs(deps, admin).agents.import({ text: changed }))).code).toBe(
      "CONFLICT",
    );
    const result = await callerAs(deps, admin).agents.import({ text: changed, overwrite: true });
    expect(result.created).toBe(false);
    expect((result.agent.config.profile as { specialty: string }).specialty).toBe("surgeon");
    expect(result.agent.createdAt).toBe(before.createdAt);
    expect(result.agent.version).toBe(before.version + 1);
  });

  it("reads JSON too, and answers syntax and schema errors under text.*", async () => {
    const json = JSON.stringify({
      agent_id: "json_agent",
      profile: { doctor_display_name: "Dr. J", clinic_display_name: "J Clinic" },
    });
    expect((await callerAs(deps, admin).agents.import({ text: json })).agent.agentId).toBe(
      "json_agent",
    );
    const syntax = await failure(
      callerAs(deps, admin).agents.import({ text: "agent_id: [unclosed" }),
    );
    expect(syntax).toMatchObject({ code: "BAD_REQUEST", paths: ["text"] });
    const schema = await failure(
      callerAs(deps, admin).agents.import({
        text: "agent_id: bad_rag\nprofile: {doctor_display_name: A, clinic_display_name: B}\nrag: {retrieval: {top_k: 99}}",
      }),
    );
    expect(schema).toMatchObject({ code: "BAD_REQUEST", paths: ["text.rag.retrieval.top_k"] });
    const noId = await failure(callerAs(deps, admin).agents.import({ text: "profile: {}" }));
    expect(noId.paths).toEqual(["text.agent_id"]);
  });
});

describe("agents.delete and agents.activate", () => {
  it("deactivates the agent, its bindings and its knowledge, and activate undoes it", async () => {
    const caller = callerAs(deps, admin);
    const binding = await caller.bindings.create({
      agentId: "dentist_042",
      channelType: "instagram",
      channelAccountId: "17840000000000001",
      accessToken: "IGAAT-secret-token",
    });
    expect(await deps.repos.ragChunks.countByAgent("dentist_042")).toBeGreaterThan(0);

    const deleted = await caller.agents.delete({ agentId: "dentist_042" });
    expect(deleted.agent.isActive).toBe(false);
    expect(deleted.deactivatedBindingIds).toEqual([binding.bindingId]);
    expect((await deps.repos.channelBindings.get(binding.bindingId))?.isActive).toBe(false);
    expect(await deps.repos.ragChunks.countByAgent("dentist_042")).toBe(0);
    const cards = await callerAs(deps, { kind: "anonymous" }).agents.cards();
    expect(cards.items.map((c) => c.agentId)).not.toContain("dentist_042");

    const again = await caller.agents.delete({ agentId: "dentist_042" });
    expect(again.deactivatedBindingIds).toEqual([]);

    const activated = await caller.agents.activate({ agentId: "dentist_042" });
    expect(activated.agent.isActive).toBe(true);
    expect(activated.reactivatedBindingIds).toEqual([binding.bindingId]);
    expect((await deps.repos.channelBindings.get(binding.bindingId))?.isActive).toBe(true);
    expect(await deps.repos.ragChunks.countByAgent("dentist_042")).toBeGreaterThan(0);
    expect(await auditActions(deps, "dentist_042")).toEqual(
      expect.arrayContaining(["agent.delete", "agent.activate"]),
    );
    expect((await failure(caller.agents.delete({ agentId: "ghost" }))).code).toBe("NOT_FOUND");
  });
});

describe("agents.clone", () => {
  it("copies the document under a new id with its own knowledge", async () => {
    const result = await callerAs(deps, admin).agents.clone({
      agentId: "dentist_042",
      newAgentId: "dentist_043",
    });
    expect(result.agent.agentId).toBe("dentist_043");
    expect(result.agent.config.agent_id).toBe("dentist_043");
    expect(result.agent.config.prompts).toEqual(
      (await deps.repos.agents.get("dentist_042"))!.config.prompts,
    );
    expect(await deps.repos.ragChunks.countByAgent("dentist_043")).toBeGreaterThan(0);
    expect(await deps.repos.channelBindings.listByAgent("dentist_043")).toEqual([]);
    const [entry] = (await deps.repos.audit.list({ resourceId: "dentist_043" })).items;
    expect(entry).toMatchObject({
      action: "agent.clone",
      metadata: { sourceAgentId: "dentist_042" },
    });
    const taken = await failure(
      callerAs(deps, admin).agents.clone({ agentId: "dentist_042", newAgentId: "dentist_043" }),
    );
    expect(taken.code).toBe("CONFLICT");
  });
});

describe("agents.extractDocument", () => {
  const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

  it("returns the text of a document", async () => {
    const result = await callerAs(deps, admin).agents.extractDocument({
      filename: "prices.md",
      dataBase64: b64("# Prices\n\nCleaning: 80 EUR"),
    });
    expect(result).toMatchObject({ text: "# Prices\n\nCleaning: 80 EUR", bytes: 26 });
  });

  it("names the field at fault", async () => {
    const caller = callerAs(deps, admin);
    const type = await failure(
      caller.agents.extractDocument({ filename: "photo.png", dataBase64: b64("x") }),
    );
    expect(type).toMatchObject({ code: "BAD_REQUEST", paths: ["filename"] });
    const binary = await failure(
      caller.agents.extractDocument({
        filename: "a.txt",
        dataBase64: Buffer.from([0xff, 0xfe, 0xfd]).toString("base64"),
      }),
    );
    expect(binary).toMatchObject({ code: "BAD_REQUEST", paths: ["dataBase64"] });
    const notBase64 = await failure(
      caller.agents.extractDocument({ filename: "a.txt", dataBase64: "%%%" }),
    );
    expect(notBase64).toMatchObject({ code: "BAD_REQUEST", paths: ["dataBase64"] });
  });
});
