"use client";

import { createContext, useContext } from "react";
import type { AgentDocument, DocPath } from "./document-paths";
import type { FieldIssue } from "./issues";

/** What every wizard field needs: the draft, a way to change it, and the issues to show. */
export interface AgentEditor {
  mode: "new" | "edit";
  draft: AgentDocument;
  set: (path: DocPath, value: unknown) => void;
  replace: (document: AgentDocument) => void;
  /** Issues currently shown (client-side ones only for steps the user has been through, plus the API's). */
  issuesAt: (path: DocPath, within?: boolean) => FieldIssue[];
}

export const AgentEditorContext = createContext<AgentEditor | null>(null);

export function useAgentEditor(): AgentEditor {
  const editor = useContext(AgentEditorContext);
  if (!editor) throw new Error("useAgentEditor outside <AgentEditorContext>");
  return editor;
}
