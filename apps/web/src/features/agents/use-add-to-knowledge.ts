"use client";

import { useState } from "react";
import { gapKnowledgeDocument } from "~/features/knowledge-gaps/gap-document";
import { getAt, isPlainObject, type DocPath } from "./document-paths";
import type { AgentDraft } from "./use-agent-draft";
import type { WizardStep } from "./wizard-steps";

/**
 * "Add to knowledge" from a knowledge gap: a new knowledge document titled with the question joins the
 * draft (unsaved, like any edit), and the settings open on the knowledge step with the caret in its text.
 * Each request has its own key, so the wizard mounts anew at that step even if it was open elsewhere.
 */
export function useAddToKnowledge(draft: AgentDraft, openSettings: () => void) {
  const [opening, setOpening] = useState<{ key: number; step: WizardStep; focus: DocPath }>();

  const add = (question: string) => {
    const raw = getAt(draft.state.draft, ["rag", "sources"]);
    const sources = Array.isArray(raw) ? (raw as unknown[]) : [];
    const taken = new Set(
      sources.map((source) => (isPlainObject(source) ? String(source.id) : "")),
    );
    draft.set(["rag", "sources"], [...sources, gapKnowledgeDocument(question, taken)]);
    if (getAt(draft.state.draft, ["rag", "enabled"]) === false) draft.set(["rag", "enabled"], true);
    setOpening((current) => ({
      key: (current?.key ?? 0) + 1,
      step: "knowledge",
      focus: ["rag", "sources", sources.length, "content"],
    }));
    openSettings();
  };

  return { opening, add };
}
