import { deepEqual } from "./deep-equal";
import { setAt, type AgentDocument, type DocPath } from "./document-paths";
import { withoutIssuesAt, type FieldIssue } from "./issues";

/**
 * The editor's state: the document as last saved (or loaded), the draft being edited, and the issues
 * the API reported on the last save (kept until the field they name is edited).
 */
export interface DraftState {
  saved: AgentDocument;
  draft: AgentDocument;
  /** The stored version the draft was computed from (optimistic concurrency); null for a new agent. */
  version: number | null;
  serverIssues: FieldIssue[];
}

export type DraftAction =
  | { type: "set"; path: DocPath; value: unknown }
  | { type: "replace"; document: AgentDocument }
  | { type: "loaded"; document: AgentDocument; version: number | null }
  | { type: "serverIssues"; issues: FieldIssue[] };

export function initialDraft(document: AgentDocument, version: number | null): DraftState {
  return { saved: document, draft: document, version, serverIssues: [] };
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case "set":
      return {
        ...state,
        draft: setAt(state.draft, action.path, action.value),
        serverIssues: withoutIssuesAt(state.serverIssues, action.path),
      };
    case "replace":
      return { ...state, draft: action.document, serverIssues: [] };
    case "loaded":
      return initialDraft(action.document, action.version);
    case "serverIssues":
      return { ...state, serverIssues: action.issues };
  }
}

export function isDirty(state: DraftState): boolean {
  return !deepEqual(state.saved, state.draft);
}
