import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Staff } from "../src/auth/principal";
import type { ApiDeps } from "../src/deps";
import type { AdminEvent } from "../src/domain/conversations/events";
import { eventIdFloor } from "../src/realtime/event-ids";
import { callerAs } from "./helpers/auth-fixtures";
import { subscribe, waitUntil } from "./helpers/chat-kit";
import { createStaffDeps } from "./helpers/router-kit";

let deps: ApiDeps;
let admin: Staff;
let operator: Staff;

beforeAll(async () => {
  ({ deps, admin, operator } = await createStaffDeps());
});

afterAll(() => deps.db.close());

describe("audit hints on the admin stream", () => {
  it("tell owners and admins that an action was audited, never operators, and are not replayed", async () => {
    const managerFeed = await subscribe<AdminEvent>(deps, admin, (c) => c.admin.onEvent());
    const operatorFeed = await subscribe<AdminEvent>(deps, operator, (c) => c.admin.onEvent());
    await waitUntil(() => deps.hub.listenerCount() === 2);

    const before = eventIdFloor(Date.now() - 1);
    const stages = await callerAs(deps, admin).stages.list();
    await callerAs(deps, admin).stages.update({
      stages: stages.items.map((s) => (s.id === "BOOKED" ? { ...s, name: "Booked visit" } : s)),
      expectedVersion: stages.version,
    });

    await waitUntil(() => managerFeed.items.some((i) => i.data.type === "audit.appended"));
    const hint = managerFeed.items.find((i) => i.data.type === "audit.appended")?.data;
    expect(hint).toMatchObject({
      type: "audit.appended",
      payload: {
        action: "stages.update",
        resourceType: "pipeline",
        resourceId: "pipeline.stages",
        actorId: admin.id,
      },
    });
    // The operator got the pipeline change itself, but not the audit hint.
    await waitUntil(() => operatorFeed.items.some((i) => i.data.type === "stages.updated"));
    expect(operatorFeed.items.map((i) => i.data.type)).not.toContain("audit.appended");
    await managerFeed.stop();
    await operatorFeed.stop();

    // A console that reconnects replays durable events only: the hint was a moment's news.
    const resumed = await subscribe<AdminEvent>(deps, admin, (c) =>
      c.admin.onEvent({ lastEventId: before }),
    );
    await waitUntil(() => resumed.items.some((i) => i.data.type === "stages.updated"));
    expect(resumed.items.map((i) => i.data.type)).not.toContain("audit.appended");
    await resumed.stop();
  });
});
