"use client";

import { useLayoutEffect, useState, type RefObject } from "react";
import { placeMenu, type MenuPlacement } from "./menu-placement";

/**
 * Where the open menu sits, fixed to the viewport so the board's horizontal scroller cannot clip the
 * last cards' menus; placed again on resize and scroll. Null while closed or not yet measured.
 */
export function useMenuPlacement(
  open: boolean,
  button: RefObject<HTMLElement | null>,
  menu: RefObject<HTMLElement | null>,
): MenuPlacement | null {
  const [placement, setPlacement] = useState<MenuPlacement | null>(null);
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const anchor = button.current?.getBoundingClientRect();
      const list = menu.current;
      if (!anchor || !list) return;
      const root = document.documentElement;
      setPlacement(
        placeMenu(
          anchor,
          { width: list.offsetWidth, height: list.scrollHeight },
          { width: root.clientWidth, height: root.clientHeight },
        ),
      );
    };
    place();
    window.addEventListener("resize", place);
    window.addEventListener("scroll", place, { capture: true, passive: true });
    return () => {
      window.removeEventListener("resize", place);
      window.removeEventListener("scroll", place, { capture: true });
    };
  }, [open, button, menu]);
  // A closed menu has no place; the last one is kept only until the next opening measures again.
  return open ? placement : null;
}
