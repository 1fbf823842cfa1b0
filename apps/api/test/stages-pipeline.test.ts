import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import type { ApiDeps } from "../src/deps";
import { checkStageChange, DEFAULT_PIPELINE_STAGES } from "../src/domain/stages/pipeline-stages";
import { resolveStageChange } from "../src/domain/stages/stage-change";
import { knownErrorToTRPC } from "../src/trpc-errors";
import { callerAs, principalOf, seedUser } from "./helpers/auth-fixtures";
import { createTestDeps } from "./helpers/test-api";
import { ADMIN_STREAM, type RealtimeEvent } from "../src/realtime/types";

let deps: ApiDeps;
let admin: Staff;
let operator: Staff;

beforeAll(async () => {
  deps = await createTestDeps();
  admin = principalOf(await seedUser(deps, { role: "admin" }));
  operator = principalOf(await seedUser(deps, { role: "operator" }));
});

afterAll(async () => {
  await deps.db.close();
});

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (thrown) {
    // Domain functions called directly throw domain errors: seen as the client would see them.
    const error = knownErrorToTRPC(thrown) ?? thrown;
    if (!(error instanceof TRPCError)) throw error;
    const issues =
      (error.cause as { issues?: { path: PropertyKey[] }[] } | undefined)?.issues ?? [];
    return { code: error.code, message: error.message, paths: issues.map((i) => i.path.join(".")) };
  }
  throw new Error("expected the call to fail");
}

const defaults = () =>
  DEFAULT_PIPELINE_STAGES.map(({ id, name, color, requiresReason }) => ({
    id,
    name,
    color,
    requiresReason,
  }));

describe("stages.list", () => {
  it("starts with the reference's four stages; REJECTED requires a reason", async () => {
    const list = await callerAs(deps, operator).stages.list();
    expect(list.version).toBe(0);
    expect(list.items.map((s) => [s.id, s.position, s.requiresReason, s.isDefault])).toEqual([
      ["NEW", 0, false, true],
      ["BOOKED", 1, false, false],
      ["NO_RESPONSE", 2, false, false],
      ["REJECTED", 3, true, false],
    ]);
  });
});

describe("stages.update", () => {
  it("renames, recolours, adds and reorders with stable ids, and audits", async () => {
    const [NEW, BOOKED, NO_RESPONSE, REJECTED] = defaults();
    const result = await callerAs(deps, admin).stages.update({
      stages: [
        { ...NEW!, name: "Fresh lead" },
        { id: "CONSULTATION", name: "Consultation", color: "#8B5CF6" },
        { ...BOOKED!, color: "#10B981" },
        REJECTED!,
        NO_RESPONSE!,
      ],
      expectedVersion: 0,
    });
    expect(result.version).toBe(1);
    expect(result.items.map((s) => `${s.position}:${s.id}:${s.name}`)).toEqual([
      "0:NEW:Fresh lead",
      "1:CONSULTATION:Consultation",
      "2:BOOKED:Booked",
      "3:REJECTED:Rejected",
      "4:NO_RESPONSE:No response",
    ]);
    expect(result.items.find((s) => s.id === "CONSULTATION")).toMatchObject({
      requiresReason: false,
      isDefault: false,
    });
    expect((await callerAs(deps, operator).stages.list()).items).toEqual(result.items);
    const [entry] = (await deps.repos.audit.list({ resourceId: "pipeline.stages" })).items;
    expect(entry).toMatchObject({ action: "stages.update", actorId: admin.id });
    expect((entry?.oldValue as unknown[]).length).toBe(4);
    expect((entry?.newValue as unknown[]).length).toBe(5);
  });

  it("answers CONFLICT for a stale version", async () => {
    const stale = await failure(
      callerAs(deps, admin).stages.update({ stages: defaults(), expectedVersion: 0 }),
    );
    expect(stale.code).toBe("CONFLICT");
  });

  it("validates ids, names, colours and the default stage field by field", async () => {
    const caller = callerAs(deps, admin);
    const stages = defaults();
    const dupId = await failure(
      caller.stages.update({ stages: [...stages, { ...stages[1]!, name: "Other" }] }),
    );
    expect(dupId.paths).toEqual(["stages.4.id"]);
    const dupName = await failure(
      caller.stages.update({ stages: [...stages, { id: "X", name: "booked ", color: "#000000" }] }),
    );
    expect(dupName.paths).toEqual(["stages.4.name"]);
    const colour = await failure(
      caller.stages.update({ stages: [{ ...stages[0]!, color: "blue" }, ...stages.slice(1)] }),
    );
    expect(colour.paths).toEqual(["stages.0.color"]);
    const noDefault = await failure(caller.stages.update({ stages: stages.slice(1) }));
    expect(noDefault).toMatchObject({ code: "BAD_REQUEST", paths: ["stages"] });
    expect(noDefault.message).toContain("NEW");
    const forbidden = await failure(callerAs(deps, operator).stages.update({ stages }));
    expect(forbidden.code).toBe("FORBIDDEN");
  });

  it("refuses to drop a stage conversations are in unless told where to move them", async () => {
    const caller = callerAs(deps, admin);
    const inConsultation = await deps.repos.conversations.create({
      agentId: "a",
      channel: "web_chat",
      stage: "CONSULTATION",
    });
    const current = await caller.stages.list();
    const without = current.items.filter((s) => s.id !== "CONSULTATION");
    const refused = await failure(caller.stages.update({ stages: without }));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", paths: ["moveTo.CONSULTATION"] });
    const toRejected = await failure(
      caller.stages.update({ stages: without, moveTo: { CONSULTATION: "REJECTED" } }),
    );
    expect(toRejected.paths).toEqual(["moveTo.CONSULTATION"]);
    const seen: RealtimeEvent[] = [];
    const unsubscribe = deps.hub.subscribe(ADMIN_STREAM, (event) => seen.push(event));
    const moved = await caller.stages.update({
      stages: without,
      moveTo: { CONSULTATION: "BOOKED" },
    });
    unsubscribe();
    expect(moved.items.map((s) => s.id)).not.toContain("CONSULTATION");
    // Open boards and stage pickers follow live; the moved count tells boards to reload.
    const announced = seen.filter((e) => e.type === "stages.updated");
    expect(announced).toHaveLength(1);
    expect(announced[0]?.payload).toEqual({
      stages: moved.items,
      version: moved.version,
      moved: { CONSULTATION: 1 },
      actorId: admin.id,
    });
    expect((await deps.repos.conversations.get(inConsultation.conversationId))?.stage).toBe(
      "BOOKED",
    );
    const [entry] = (await deps.repos.audit.list({ resourceId: "pipeline.stages" })).items;
    expect(entry?.metadata).toMatchObject({ moved: { CONSULTATION: 1 } });
  });
});

describe("stage changes (for conversations.setStage)", () => {
  it("checks the stage exists and a reason where one is required", async () => {
    const stages = DEFAULT_PIPELINE_STAGES;
    expect(checkStageChange(stages, "BOOKED", "ignored")).toMatchObject({
      ok: true,
      rejectionReason: null,
    });
    expect(checkStageChange(stages, "REJECTED", "  too far away ")).toMatchObject({
      ok: true,
      rejectionReason: "too far away",
    });
    expect(checkStageChange(stages, "REJECTED", "   ")).toMatchObject({
      ok: false,
      path: "rejectionReason",
    });
    expect(checkStageChange(stages, "LOST")).toMatchObject({ ok: false, path: "stage" });
    const resolved = await resolveStageChange(deps.repos, { stage: "NO_RESPONSE" });
    expect(resolved.stage.name).toBe("No response");
    const err = await failure(resolveStageChange(deps.repos, { stage: "CONSULTATION" }));
    expect(err).toMatchObject({ code: "BAD_REQUEST", paths: ["stage"] });
  });
});
