"use client";

import { useEffect } from "react";
import { pathKey, type DocPath } from "./document-paths";

/** Puts the caret at the end of the wizard field at `path` (scrolled into view) when the wizard mounts. */
export function useFocusOnMount(path: DocPath | undefined) {
  useEffect(() => {
    if (!path) return;
    const field = document.querySelector<HTMLTextAreaElement | HTMLInputElement>(
      `[data-testid="field-${CSS.escape(pathKey(path))}"]`,
    );
    field?.scrollIntoView({ block: "center" });
    field?.focus();
    field?.setSelectionRange(field.value.length, field.value.length);
  }, [path]);
}
