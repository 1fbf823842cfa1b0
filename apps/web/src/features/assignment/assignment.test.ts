import { describe, expect, it } from "vitest";
import { matchesAssignee, matchesFilters, withViewer } from "~/features/inbox/conversation-filters";
import type { AdminEvent } from "~/features/console/types";
import { row } from "~/testing/conversation-fixtures";
import { handlerLabel, realertTitle } from "./assignee-label";
import { assignedToViewer } from "./assignment-event";
import { assignment } from "./messages";

const names = {
  me: "u-olga",
  nameOf: (id: string) => ({ "u-olga": "Olga", "u-pavel": "Pavel" })[id],
};

describe("who handles a conversation, in words", () => {
  it("names the person instead of “Human active”, and “you” for the viewer", () => {
    const t = assignment.en;
    expect(handlerLabel({ status: "HUMAN_ACTIVE", assigneeId: "u-pavel" }, names, t)).toEqual({
      text: "Pavel handles it",
      replacesStatus: true,
    });
    expect(handlerLabel({ status: "HUMAN_ACTIVE", assigneeId: "u-olga" }, names, t)?.text).toBe(
      "You handle it",
    );
    expect(handlerLabel({ status: "AI_ACTIVE", assigneeId: "u-pavel" }, names, t)).toEqual({
      text: "Assigned: Pavel",
      replacesStatus: false,
    });
    expect(handlerLabel({ status: "HUMAN_ACTIVE" }, names, t)).toBeNull();
    expect(
      handlerLabel({ status: "NEEDS_HUMAN", assigneeId: "u-gone" }, names, assignment.ru)?.text,
    ).toBe("Ответственный: бывший сотрудник");
    expect(
      handlerLabel({ status: "HUMAN_ACTIVE", assigneeId: "u-pavel" }, names, assignment.ru)?.text,
    ).toBe("Ведёт Pavel");
  });
});

describe("assignee views in the inbox", () => {
  it("keeps a row in Mine, Unassigned or a colleague's view by its assignee", () => {
    const mine = { ...row(), assigneeId: "u-olga" };
    const nobodys = { ...row(), assigneeId: undefined };
    const filters = withViewer({ assignee: "me" }, "u-olga");
    expect(filters).toEqual({ assignee: "u-olga" });
    expect(matchesFilters(mine, filters)).toBe(true);
    expect(matchesFilters(nobodys, filters)).toBe(false);
    expect(matchesAssignee(nobodys, "unassigned")).toBe(true);
    expect(matchesAssignee(mine, "unassigned")).toBe(false);
    expect(matchesAssignee(mine, "u-pavel")).toBe(false);
    expect(matchesAssignee(mine, undefined)).toBe(true);
    expect(withViewer({ assignee: "unassigned" }, "u-olga")).toEqual({ assignee: "unassigned" });
  });
});

describe("the assignment alert", () => {
  const event = (assigneeId: string | undefined, actorId: string, change = "assigned") =>
    ({
      type: "conversation.updated",
      payload: { conversation: { ...row(), assigneeId }, change, actorId },
      at: "2026-12-06T10:00:00.000Z",
    }) as AdminEvent;

  it("is for the new assignee, when someone else assigned them", () => {
    expect(assignedToViewer(event("u-olga", "u-anna"), "u-olga")).toMatchObject({
      actorId: "u-anna",
    });
    expect(assignedToViewer(event("u-olga", "u-olga"), "u-olga")).toBeNull();
    expect(assignedToViewer(event("u-pavel", "u-anna"), "u-olga")).toBeNull();
    expect(assignedToViewer(event(undefined, "u-anna"), "u-olga")).toBeNull();
    expect(assignedToViewer(event("u-olga", "u-anna", "handoff"), "u-olga")).toBeNull();
  });
});

describe("a re-alert of an assigned conversation", () => {
  it("addresses the assignee, and tells the others whose it is", () => {
    expect(realertTitle("u-olga", 15, names, assignment.en)).toBe(
      "Still waiting — assigned to you (15 min)",
    );
    expect(realertTitle("u-pavel", 15, names, assignment.ru)).toBe(
      "Всё ещё ждёт — ответственный Pavel (15 мин)",
    );
    expect(realertTitle(undefined, 15, names, assignment.en)).toBeNull();
  });
});
