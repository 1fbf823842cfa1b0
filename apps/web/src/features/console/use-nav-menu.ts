"use client";

import { useEffect, useState, type FocusEvent, type RefObject } from "react";

/**
 * The phone's section menu (a disclosure: the button says whether it is open). Escape, wherever focus
 * is, closes it and puts focus back on the button; so does picking a section. Tabbing out of the menu closes it, so it never
 * stays open behind the page a keyboard user moved on to; another page closes it too.
 */
export function useNavMenu(pathname: string, button: RefObject<HTMLButtonElement | null>) {
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);

  // Another page (a link, the browser's back button): the menu has done its job.
  if (open && openedAt !== pathname) setOpen(false);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onDocumentKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onDocumentKey);
    return () => document.removeEventListener("keydown", onDocumentKey);
  }, [open, button]);

  return {
    open,
    toggle: () => {
      setOpenedAt(pathname);
      setOpen((was) => !was);
    },
    /** On the nav: a picked section closes the menu with focus back on the button. */
    onLinkClick: () => {
      if (open) close(true);
    },
    onBlur: (event: FocusEvent<HTMLElement>) => {
      const next = event.relatedTarget;
      if (open && next instanceof Node && !event.currentTarget.contains(next)) close(false);
    },
  };
}
