import { tabAfterKey } from "~/ui/tab-keys";

export interface Box {
  top: number;
  bottom: number;
  right: number;
}

export interface MenuPlacement {
  /** Pixels from the viewport's top (opening down) or bottom (opening up) edge. */
  top?: number;
  bottom?: number;
  right: number;
  maxHeight: number;
}

const GAP = 4;
const MARGIN = 8;

/**
 * Where a `position: fixed` menu goes next to its button, so no scrolling container clips it: below,
 * unless it does not fit there and there is more room above; right-aligned with the button but never
 * past the viewport's left edge; as tall as the side it opens to allows (it scrolls beyond that).
 */
export function placeMenu(
  button: Box,
  menu: { width: number; height: number },
  viewport: { width: number; height: number },
): MenuPlacement {
  const below = viewport.height - button.bottom - GAP - MARGIN;
  const above = button.top - GAP - MARGIN;
  const right = Math.max(
    MARGIN,
    Math.min(viewport.width - button.right, viewport.width - menu.width - MARGIN),
  );
  if (menu.height <= below || below >= above)
    return { top: button.bottom + GAP, right, maxHeight: Math.max(below, 0) };
  return { bottom: viewport.height - button.top + GAP, right, maxHeight: Math.max(above, 0) };
}

/** A vertical menu's keys as the tab row's (ArrowDown is the next item as ArrowRight is the next tab). */
const AS_TAB_KEY: Readonly<Record<string, string>> = {
  ArrowDown: "ArrowRight",
  ArrowUp: "ArrowLeft",
  Home: "Home",
  End: "End",
};

/**
 * Which menu item a key moves the focus to (arrows wrap around; Home and End go to the ends), or null
 * for a key that does not move it.
 */
export function menuFocusTarget(key: string, index: number, count: number): number | null {
  const tabKey = AS_TAB_KEY[key];
  return tabKey ? tabAfterKey(tabKey, index, count) : null;
}
