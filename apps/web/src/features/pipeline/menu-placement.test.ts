import { describe, expect, it } from "vitest";
import { menuFocusTarget, placeMenu } from "./menu-placement";

const viewport = { width: 1280, height: 900 };
const menu = { width: 180, height: 200 };

describe("the card's Move to… menu", () => {
  it("opens below its button, right-aligned with it, when it fits", () => {
    expect(placeMenu({ top: 100, bottom: 126, right: 500 }, menu, viewport)).toEqual({
      top: 130,
      right: 780,
      maxHeight: 762,
    });
  });

  it("opens upward for a card near the bottom of the screen", () => {
    expect(placeMenu({ top: 800, bottom: 826, right: 500 }, menu, viewport)).toEqual({
      bottom: 104,
      right: 780,
      maxHeight: 788,
    });
  });

  it("takes the roomier side and scrolls when it fits on neither", () => {
    const tall = { width: 180, height: 1000 };
    expect(placeMenu({ top: 300, bottom: 326, right: 500 }, tall, viewport)).toMatchObject({
      top: 330,
      maxHeight: 562,
    });
    expect(placeMenu({ top: 600, bottom: 626, right: 500 }, tall, viewport)).toMatchObject({
      bottom: 304,
      maxHeight: 588,
    });
  });

  it("stays inside the viewport's side edges", () => {
    expect(placeMenu({ top: 100, bottom: 126, right: 120 }, menu, viewport).right).toBe(1092);
    expect(placeMenu({ top: 100, bottom: 126, right: 1400 }, menu, viewport).right).toBe(8);
  });
});

describe("the keys inside the Move to… menu", () => {
  it("move down and up with wrapping, and to the ends with Home and End", () => {
    expect(menuFocusTarget("ArrowDown", 0, 3)).toBe(1);
    expect(menuFocusTarget("ArrowDown", 2, 3)).toBe(0);
    expect(menuFocusTarget("ArrowUp", 0, 3)).toBe(2);
    // Nothing focused yet (index -1): down goes to the first item, up to the last.
    expect(menuFocusTarget("ArrowDown", -1, 3)).toBe(0);
    expect(menuFocusTarget("ArrowUp", -1, 3)).toBe(1);
    expect(menuFocusTarget("Home", 2, 3)).toBe(0);
    expect(menuFocusTarget("End", 0, 3)).toBe(2);
    expect(menuFocusTarget("Enter", 0, 3)).toBeNull();
  });
});
