import { MAX_CANNED_CONTENT_CHARS, MAX_SHORTCUT_CHARS } from "@agents-crm/config/canned-responses";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import { CANNED_RESPONSE_SEEDS } from "../src/bootstrap/canned-response-seeds";
import { ensureCannedResponses } from "../src/bootstrap/canned-responses";
import type { ApiDeps } from "../src/deps";
import { callerAs } from "./helpers/auth-fixtures";
import { agentDocument } from "./helpers/chat-kit";
import { auditActions, auditOf, createStaffDeps, failure } from "./helpers/router-kit";

let deps: ApiDeps;
let admin: Staff;
let operator: Staff;

beforeAll(async () => {
  ({ deps, admin, operator } = await createStaffDeps());
  await callerAs(deps, admin).agents.create({
    agentId: "dr_canned",
    config: agentDocument("dr_canned"),
  });
});

afterAll(async () => {
  await deps.db.close();
});

const as = (who: Staff) => callerAs(deps, who).cannedResponses;

describe("cannedResponses: managed by owners and admins, used by everyone", () => {
  it("an admin creates, edits and deletes a response, each audited with the real actor", async () => {
    const created = await as(admin).create({
      shortcut: "  Parking ",
      content: "Park free for two hours on Elm Road.",
      agentId: "dr_canned",
      language: "en",
    });
    expect(created).toMatchObject({ shortcut: "parking", useCount: 0, agentId: "dr_canned" });

    const edited = await as(admin).update({
      responseId: created.responseId,
      content: "Park free for three hours on Elm Road.",
      agentId: null,
      expectedVersion: created.version,
    });
    expect(edited.agentId).toBeUndefined();
    expect(edited.content).toContain("three hours");
    expect(
      (
        await failure(
          as(admin).update({ responseId: created.responseId, content: "x", expectedVersion: 1 }),
        )
      ).code,
    ).toBe("CONFLICT");

    await as(admin).delete({ responseId: created.responseId });
    expect((await failure(as(admin).delete({ responseId: created.responseId }))).code).toBe(
      "NOT_FOUND",
    );
    expect(await auditActions(deps, created.responseId)).toEqual([
      "canned_response.delete",
      "canned_response.update",
      "canned_response.create",
    ]);
    const [entry] = await auditOf(deps, created.responseId);
    expect(entry).toMatchObject({ actorId: admin.id, resourceType: "canned_response" });
  });

  it("operators list and use responses but get 403 on create, update and delete", async () => {
    const { responseId } = await as(admin).create({ shortcut: "op", content: "For operators" });
    expect(
      (await as(operator).list({ search: "operators" })).items.map((r) => r.responseId),
    ).toEqual([responseId]);
    expect((await as(operator).recordUse({ responseId })).useCount).toBe(1);
    for (const call of [
      as(operator).create({ shortcut: "nope", content: "x" }),
      as(operator).update({ responseId, content: "x" }),
      as(operator).delete({ responseId }),
    ]) {
      expect((await failure(call)).code).toBe("FORBIDDEN");
    }
  });

  it("a taken shortcut is a 409 in its scope and free in another", async () => {
    await as(admin).create({ shortcut: "hours", content: "9 to 18", language: "en" });
    const taken = await failure(
      as(admin).create({ shortcut: "HOURS", content: "again", language: "en" }),
    );
    expect(taken.code).toBe("CONFLICT");
    expect(taken.message).toContain("/hours");
    await as(admin).create({ shortcut: "hours", content: "с 9 до 18", language: "ru" });
  });

  it("refuses bad shortcuts, empty or over-long text and unknown agents with 400s naming the field", async () => {
    const bad = [
      [{ shortcut: "two words", content: "x" }, "shortcut"],
      [{ shortcut: "/slash", content: "x" }, "shortcut"],
      [{ shortcut: "a".repeat(MAX_SHORTCUT_CHARS + 1), content: "x" }, "shortcut"],
      [{ shortcut: "", content: "x" }, "shortcut"],
      [{ shortcut: "ok", content: "   " }, "content"],
      [{ shortcut: "ok", content: "x".repeat(MAX_CANNED_CONTENT_CHARS + 1) }, "content"],
      [{ shortcut: "ok", content: "x", language: "fr" }, "language"],
    ] as const;
    for (const [input, path] of bad) {
      const error = await failure(as(admin).create(input as never));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.paths).toContain(path);
    }
    const agent = await failure(
      as(admin).create({ shortcut: "ok", content: "x", agentId: "dr_nobody" }),
    );
    expect(agent).toMatchObject({ code: "BAD_REQUEST", paths: ["agentId"] });
    expect((await failure(as(admin).list({ search: "x".repeat(101) }))).code).toBe("BAD_REQUEST");
    expect((await failure(as(admin).recordUse({ responseId: "missing" }))).code).toBe("NOT_FOUND");
  });

  it("counts uses and lists the most used first, or by shortcut", async () => {
    const a = await as(admin).create({ shortcut: "zz-often", content: "Often used" });
    for (let i = 0; i < 3; i++) await as(operator).recordUse({ responseId: a.responseId });
    const byUse = await as(operator).list({ sort: "use", limit: 1 });
    expect(byUse.items[0]).toMatchObject({ shortcut: "zz-often", useCount: 3 });
    expect(byUse.nextCursor).not.toBeNull();
    const byShortcut = (await as(operator).list({ sort: "shortcut" })).items.map((r) => r.shortcut);
    expect(byShortcut).toEqual([...byShortcut].sort());
  });
});

describe("seeding on a fresh install", () => {
  it("seeds English and Russian responses once, and never brings back one staff deleted", async () => {
    const fresh = await createStaffDeps();
    try {
      const repos = fresh.deps.repos;
      expect(await ensureCannedResponses(repos)).toBe(CANNED_RESPONSE_SEEDS.length);
      const all = (await repos.cannedResponses.list({ sort: "shortcut", limit: 100 })).items;
      expect(new Set(all.map((r) => r.language))).toEqual(new Set(["en", "ru"]));
      expect(all).toHaveLength(CANNED_RESPONSE_SEEDS.length);

      await repos.cannedResponses.delete(all[0]!.responseId);
      expect(await ensureCannedResponses(repos)).toBe(0);
      expect(await repos.cannedResponses.count()).toBe(CANNED_RESPONSE_SEEDS.length - 1);
    } finally {
      await fresh.deps.db.close();
    }
  });
});
