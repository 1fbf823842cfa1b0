import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { callerAs } from "./helpers/auth-fixtures";
import { createAgent } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

let deps: ApiDeps;
const visitor = () => callerAs(deps, { kind: "anonymous" });

beforeAll(async () => {
  deps = await createTestDeps();
  await createAgent(deps, "dr_card", {
    profile: {
      doctor_display_name: "Dr. Elena Markova",
      clinic_display_name: "Smile Studio",
      specialty: "orthodontics",
      languages: ["en", "ru"],
    },
    system_prompt: "never shown to visitors",
  });
  await createAgent(deps, "dr_retired");
  await deps.repos.agents.setActive("dr_retired", false);
});

afterAll(async () => {
  await deps.db.close();
});

describe("agents.card", () => {
  it("gives anyone the public card of an active agent, and nothing of its configuration", async () => {
    const card = await visitor().agents.card({ agentId: "dr_card" });
    expect(card).toEqual({
      agentId: "dr_card",
      displayName: "Dr. Elena Markova",
      clinicName: "Smile Studio",
      specialty: "orthodontics",
      languages: ["en", "ru"],
    });
  });

  it("answers NOT_FOUND alike for a deactivated and an unknown agent", async () => {
    const retired = visitor().agents.card({ agentId: "dr_retired" });
    await expect(retired).rejects.toMatchObject({ code: "NOT_FOUND" });
    const unknown = visitor().agents.card({ agentId: "nobody_here" });
    await expect(unknown).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a malformed agent id as BAD_REQUEST naming the field", async () => {
    await expect(visitor().agents.card({ agentId: "../etc" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("agentId") as unknown,
    });
  });
});
