import { recordCommands } from "@agents-crm/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import type { ApiDeps } from "../src/deps";
import type { PlaygroundResult } from "../src/domain/agents/playground";
import { callerAs } from "./helpers/auth-fixtures";
import { createStaffDeps, failure } from "./helpers/router-kit";

let deps: ApiDeps;
let admin: Staff;
let operator: Staff;
let recorder: ReturnType<typeof recordCommands>;

beforeAll(async () => {
  ({ deps, admin, operator } = await createStaffDeps());
  recorder = recordCommands(deps.db);
});

afterAll(() => deps.db.close());

const PARKING =
  "Parking: free parking for patients is available behind the clinic on Baker Street, entrance from the yard.";

const draft = (extra: Record<string, unknown> = {}) => ({
  profile: {
    doctor_display_name: "Dr. Lee",
    clinic_display_name: "Bright Smile",
    specialty: "dentist",
    languages: ["en"],
  },
  rag: {
    enabled: true,
    sources: [
      { id: "parking", title: "Parking", content: PARKING },
      { id: "hours", title: "Opening hours", content: "We are open Monday to Friday." },
    ],
  },
  ...extra,
});

const WRITES = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;

/** Every DynamoDB command a call sends, seen on the real client: a playground turn must write none. */
async function writesDuring(call: () => Promise<unknown>): Promise<string[]> {
  recorder.reset();
  await call();
  return recorder.calls.filter((c) => WRITES.test(c.name)).map((c) => `${c.name} ${c.tableName}`);
}

describe("agents.playground", () => {
  it("escalates a shared phone number as a contact handoff and stores nothing", async () => {
    let result!: PlaygroundResult;
    const writes = await writesDuring(async () => {
      result = await callerAs(deps, admin).agents.playground({
        config: draft(),
        history: [
          { role: "user", content: "Hello" },
          { role: "agent", content: "Hello! How can I help?" },
        ],
        message: "Please call me back at +44 20 7946 0958",
        channel: "telegram",
      });
    });
    expect(writes).toEqual([]);
    // The offline model declares the handoff itself; the contacts rule would force it otherwise.
    expect(result.escalation).toMatchObject({ needed: true, type: "contact" });
    expect(["model", "rules"]).toContain(result.escalation.source);
    expect(result.escalation.confidence).toBeGreaterThan(0.5);
    expect(result.contacts.phoneNumbers).toEqual(["+442079460958"]);
    expect(result.reply?.parts.length).toBeGreaterThan(0);
    expect(result.flags.offline).toBe(true);
    expect(result.agentId).toBe("playground-draft");
  });

  it("answers a knowledge question from the draft's unsaved document", async () => {
    let result!: PlaygroundResult;
    const writes = await writesDuring(async () => {
      result = await callerAs(deps, admin).agents.playground({
        config: draft(),
        message: "Is there free parking behind the clinic?",
      });
    });
    expect(writes).toEqual([]);
    expect(result.escalation.needed).toBe(false);
    expect(result.sources[0]).toMatchObject({ sourceId: "parking", title: "Parking" });
    expect(result.sources[0]?.snippet).toContain("Baker Street");
    expect(result.sources[0]?.score).toBeGreaterThan(0);
    expect(result.knowledge).toEqual({ status: "ready", chunks: 2 });
    expect(result.reply?.text).toContain("Baker Street");
    expect(result.channel).toBe("web_chat");
    expect(result.usage.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("uses the draft's documents, not the saved agent's index", async () => {
    await callerAs(deps, admin).agents.create({ agentId: "saved", config: draft() });
    const storedBefore = await deps.repos.ragChunks.countByAgent("saved");
    const edited = draft({
      agent_id: "saved",
      rag: {
        enabled: true,
        sources: [
          {
            id: "parking",
            title: "Parking",
            content: "Parking: the garage on Elm Road gives patients two free hours.",
          },
        ],
      },
    });
    let result!: PlaygroundResult;
    const writes = await writesDuring(async () => {
      result = await callerAs(deps, admin).agents.playground({
        agentId: "saved",
        config: edited,
        message: "Where can I park for free?",
      });
    });
    expect(writes).toEqual([]);
    expect(result.sources.map((s) => s.snippet).join(" ")).toContain("Elm Road");
    expect(result.sources.map((s) => s.snippet).join(" ")).not.toContain("Baker Street");
    expect(await deps.repos.ragChunks.countByAgent("saved")).toBe(storedBefore);
  });

  it("sends each matched trigger keyword back", async () => {
    const result = await callerAs(deps, admin).agents.playground({
      config: draft({ escalation: { triggers: { urgent_keywords: ["severe pain"] } } }),
      message: "I have severe pain in my tooth",
    });
    expect(result.triggers).toContainEqual({
      list: "urgent_keywords",
      keyword: "severe pain",
      type: "urgent",
    });
    expect(result.escalation).toMatchObject({ needed: true, type: "urgent" });
  });

  it("refuses an invalid draft with BAD_REQUEST naming the field", async () => {
    const invalid = draft({ rag: { retrieval: { top_k: "six" } } });
    const error = await failure(
      callerAs(deps, admin).agents.playground({ config: invalid, message: "hi" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.paths).toContain("config.rag.retrieval.top_k");
    expect(error.message).toContain("config.rag.retrieval.top_k");
  });

  it("refuses a draft whose agent_id is not the agent's", async () => {
    const error = await failure(
      callerAs(deps, admin).agents.playground({
        agentId: "saved",
        config: draft({ agent_id: "other" }),
        message: "hi",
      }),
    );
    expect(error).toMatchObject({ code: "BAD_REQUEST", paths: ["config.agent_id"] });
  });

  it("bounds the history and the message", async () => {
    const long = await failure(
      callerAs(deps, admin).agents.playground({ config: draft(), message: "x".repeat(10_001) }),
    );
    expect(long).toMatchObject({ code: "BAD_REQUEST", paths: ["message"] });
    const history = Array.from({ length: 101 }, () => ({ role: "user" as const, content: "a" }));
    const many = await failure(
      callerAs(deps, admin).agents.playground({ config: draft(), history, message: "hi" }),
    );
    expect(many).toMatchObject({ code: "BAD_REQUEST", paths: ["history"] });
  });

  it("is for owners and admins only", async () => {
    const error = await failure(
      callerAs(deps, operator).agents.playground({ config: draft(), message: "hi" }),
    );
    expect(error.code).toBe("FORBIDDEN");
  });
});
