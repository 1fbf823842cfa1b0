"use client";

import { useState, type FormEvent } from "react";
import { isUnauthorized, issuesByPath, isConflict } from "~/features/console/api-error";
import type { PipelineStage } from "~/features/console/types";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import {
  draftFromStages,
  hasProblems,
  moveTargets,
  removedStages,
  toUpdateInput,
  validateDraft,
  type StageDraft,
} from "./stage-draft";
import { generalIssues, stageFieldIssue } from "./stage-issues";

/**
 * The stage editor's draft, its problems and the save (`stages.update` with the version the draft was
 * read at; a conflict offers to reload the latest list).
 */
export function useStageEditor(
  saved: readonly PipelineStage[],
  version: number,
  onSaved: (movedConversations: boolean) => void,
) {
  const t = useT("pipeline").manage;
  const { sessionLost } = useSession();
  const utils = trpc.useUtils();
  const [draft, setDraft] = useState(() => draftFromStages(saved, version));
  const [submitted, setSubmitted] = useState(false);
  const update = trpc.stages.update.useMutation({
    onSuccess: (result) => {
      utils.stages.list.setData(undefined, result);
      onSaved(removedStages(draft, saved).length > 0);
    },
    onError: (error) => {
      if (isUnauthorized(error)) sessionLost();
    },
  });

  const problems = validateDraft(draft, saved);
  const serverIssues = issuesByPath(update.error);

  const save = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasProblems(problems)) return;
    update.mutate(toUpdateInput(draft, saved));
  };

  const reloadLatest = async () => {
    const latest = await utils.stages.list.fetch();
    setDraft(draftFromStages(latest.items, latest.version));
    setSubmitted(false);
    update.reset();
  };

  return {
    draft,
    edit: (change: (draft: StageDraft) => StageDraft) => setDraft(change),
    removed: removedStages(draft, saved),
    targets: moveTargets(draft),
    stageIssue: (key: string, field: "name" | "color") =>
      stageFieldIssue(draft, key, field, {
        problems,
        serverIssues,
        submitted,
        problemText: t.problems,
      }),
    moveIssue: (stageId: string): string | null =>
      serverIssues[`moveTo.${stageId}`] ??
      (submitted && problems.moveTo[stageId] ? t.problems.moveToRequired : null),
    error: update.error,
    conflict: isConflict(update.error),
    generalIssues: generalIssues(serverIssues),
    hasServerIssues: Object.keys(serverIssues).length > 0,
    pending: update.isPending,
    save,
    reloadLatest,
  };
}

export type StageEditorState = ReturnType<typeof useStageEditor>;
