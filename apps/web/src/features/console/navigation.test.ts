import { describe, expect, it } from "vitest";
import { readAlertsMuted, writeAlertsMuted } from "./alert-preferences";
import { eventIdFloor, eventIdTime } from "@agents-crm/config/event-ids";
import { activeNavHref, mayOpen, NAV_ITEMS, navItemsFor } from "./navigation";

describe("console navigation", () => {
  it("shows every role the conversations inbox", () => {
    for (const role of ["owner", "admin", "operator"] as const) {
      expect(navItemsFor(role).map((i) => i.href)).toContain("/admin/conversations");
    }
  });

  it("never shows operators an owner/admin-only page", () => {
    const operatorItems = navItemsFor("operator");
    for (const item of operatorItems) expect(item.roles).toContain("operator");
    expect(operatorItems.length).toBeLessThanOrEqual(NAV_ITEMS.length);
  });

  it("highlights the section of a nested page", () => {
    expect(activeNavHref("/admin/conversations/01ABC", NAV_ITEMS)).toBe("/admin/conversations");
    expect(activeNavHref("/admin/conversationsx", NAV_ITEMS)).toBeNull();
  });
});

describe("escalation alert preference", () => {
  it("persists muting in the browser's storage", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    expect(readAlertsMuted(storage)).toBe(false);
    writeAlertsMuted(storage, true);
    expect(readAlertsMuted(storage)).toBe(true);
    writeAlertsMuted(storage, false);
    expect(readAlertsMuted(storage)).toBe(false);
  });

  it("keeps alerts on when storage is unavailable", () => {
    const broken = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
      removeItem: () => undefined,
    };
    expect(readAlertsMuted(broken)).toBe(false);
    expect(() => writeAlertsMuted(broken, true)).not.toThrow();
    expect(readAlertsMuted(undefined)).toBe(false);
  });
});

describe("event ids", () => {
  it("build a resume point the API accepts, ordered by time", () => {
    const ms = Date.parse("2026-03-01T10:00:00.000Z");
    const id = eventIdFloor(ms);
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(eventIdTime(id)).toBe(ms);
    expect(eventIdFloor(ms + 1) > id).toBe(true);
  });
});

describe("role-aware pages", () => {
  it("lets operators open conversations, pipeline and stats but not management pages", () => {
    expect(mayOpen("operator", "/admin/conversations/01ABC")).toBe(true);
    expect(mayOpen("operator", "/admin/pipeline")).toBe(true);
    expect(mayOpen("operator", "/admin/stats")).toBe(true);
    for (const path of ["/admin/agents", "/admin/agents/new", "/admin/users", "/admin/audit"]) {
      expect(mayOpen("operator", path)).toBe(false);
      expect(mayOpen("admin", path)).toBe(true);
      expect(mayOpen("owner", path)).toBe(true);
    }
  });
});
