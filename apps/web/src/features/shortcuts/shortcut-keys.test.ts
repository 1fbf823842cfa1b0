import { describe, expect, it } from "vitest";
import { SHORTCUTS, shortcutFor } from "./shortcut-keys";

/** A stand-in for the element a key press happened on: what `closest` finds decides. */
const element = (matches: string[] = [], editable = false) =>
  ({
    isContentEditable: editable,
    closest: (selector: string) => (matches.some((m) => selector.includes(m)) ? {} : null),
  }) as unknown as EventTarget;

const press = (key: string, extra: Partial<Parameters<typeof shortcutFor>[0]> = {}) =>
  shortcutFor({
    key,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    target: element(),
    ...extra,
  });

describe("console shortcuts", () => {
  it("map j k r t e / ? to their actions; Enter is left to the focused link", () => {
    expect(["j", "k", "r", "t", "e", "/", "?"].map((k) => press(k))).toEqual([
      "next",
      "previous",
      "reply",
      "takeOver",
      "resolve",
      "canned",
      "help",
    ]);
    expect(press("Enter")).toBeNull();
    expect(press("x")).toBeNull();
    expect(SHORTCUTS.map((s) => s.key)).toContain("Enter");
  });

  it("never fire while typing in a field or an editable region, or in an open dialog", () => {
    expect(press("e", { target: element(["textarea"]) })).toBeNull();
    expect(press("j", { target: element(["input"]) })).toBeNull();
    expect(press("j", { target: element(["select"]) })).toBeNull();
    expect(press("r", { target: element([], true) })).toBeNull();
    expect(press("t", { target: element(["dialog[open]"]) })).toBeNull();
  });

  it("never fire with a modifier, while composing, or once something handled the key", () => {
    expect(press("e", { ctrlKey: true })).toBeNull();
    expect(press("e", { metaKey: true })).toBeNull();
    expect(press("j", { altKey: true })).toBeNull();
    expect(press("k", { isComposing: true })).toBeNull();
    expect(press("?", { defaultPrevented: true })).toBeNull();
  });
});
