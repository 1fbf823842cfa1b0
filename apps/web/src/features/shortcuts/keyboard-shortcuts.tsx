"use client";

import { useEffect, useState } from "react";
import { moveRowFocus, shortcutButton } from "./row-focus";
import { shortcutFor, type ShortcutAction } from "./shortcut-keys";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { typeInto } from "./type-into";

const REPLY_FIELD = '[data-shortcut="reply"]';
const BUTTONS: Partial<Record<ShortcutAction, string>> = {
  takeOver: "take-over",
  resolve: "resolve",
};

function run(action: Exclude<ShortcutAction, "open" | "help">): boolean {
  switch (action) {
    case "next":
      return moveRowFocus(document, 1) !== null;
    case "previous":
      return moveRowFocus(document, -1) !== null;
    case "reply":
    case "canned": {
      const field = document.querySelector<HTMLTextAreaElement>(REPLY_FIELD);
      if (!field || field.disabled) return false;
      // `/` at the start of the composer opens the canned responses.
      typeInto(field, action === "canned" ? "/" : "");
      return true;
    }
    case "takeOver":
    case "resolve": {
      const button = shortcutButton(document, BUTTONS[action] ?? "");
      button?.click();
      return button !== null;
    }
  }
}

/**
 * The console's shortcuts on the page that mounts this (the inbox, a conversation): they press the
 * page's own buttons, so a shortcut does exactly what its button does and only where it is offered.
 * `?` lists them.
 */
export function KeyboardShortcuts() {
  const [help, setHelp] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (action === null) return;
      if (action === "help") {
        event.preventDefault();
        setHelp(true);
        return;
      }
      if (run(action)) event.preventDefault();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  return <ShortcutsDialog open={help} onClose={() => setHelp(false)} />;
}
