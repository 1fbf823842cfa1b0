"use client";

import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import type { AgentDocument, DocPath } from "./document-paths";
import { draftReducer, initialDraft, isDirty, type DraftState } from "./draft-state";
import { validateDocument, type FieldIssue } from "./issues";

export interface AgentDraft {
  state: DraftState;
  /** The schema's issues with the current draft (recomputed on change, never sent anywhere). */
  clientIssues: FieldIssue[];
  dirty: boolean;
  /** Bumps when the draft is replaced wholesale, so fields holding their own text start over. */
  revision: number;
  set: (path: DocPath, value: unknown) => void;
  replace: (document: AgentDocument) => void;
  load: (document: AgentDocument, version: number | null) => void;
  setServerIssues: (issues: FieldIssue[]) => void;
}

/** The agent being edited, lifted above the tabs so the playground sees unsaved edits too. */
export function useAgentDraft(initial: AgentDocument, version: number | null): AgentDraft {
  const [state, dispatch] = useReducer(draftReducer, null, () => initialDraft(initial, version));
  const [revision, setRevision] = useState(0);
  const clientIssues = useMemo(() => validateDocument(state.draft), [state.draft]);
  const dirty = useMemo(() => isDirty(state), [state]);
  const set = useCallback(
    (path: DocPath, value: unknown) => dispatch({ type: "set", path, value }),
    [],
  );
  const replace = useCallback((document: AgentDocument) => {
    dispatch({ type: "replace", document });
    setRevision((n) => n + 1);
  }, []);
  const load = useCallback((document: AgentDocument, nextVersion: number | null) => {
    dispatch({ type: "loaded", document, version: nextVersion });
    setRevision((n) => n + 1);
  }, []);
  const setServerIssues = useCallback(
    (issues: FieldIssue[]) => dispatch({ type: "serverIssues", issues }),
    [],
  );
  return { state, clientIssues, dirty, revision, set, replace, load, setServerIssues };
}

/**
 * Unsaved edits are not lost by accident: closing or reloading the tab asks the browser's question,
 * and following a link inside the console asks ours.
 */
export function useLeaveGuard(dirty: boolean, question: string) {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    const click = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === "_blank") return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname === window.location.pathname)
        return;
      if (!window.confirm(question)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [dirty, question]);
}
