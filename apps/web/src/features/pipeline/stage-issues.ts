import {
  issueStageKey,
  type DraftProblems,
  type StageDraft,
  type StageProblem,
} from "./stage-draft";

type StageField = "name" | "color";

/**
 * The message shown under one stage's field: the local problem once the admin has tried to save,
 * else the server's issue for that stage (its path names the stage by position in the saved input).
 */
export function stageFieldIssue(
  draft: StageDraft,
  key: string,
  field: StageField,
  context: {
    problems: DraftProblems;
    serverIssues: Record<string, string>;
    submitted: boolean;
    problemText: Record<StageProblem, string>;
  },
): string | null {
  const local = context.problems.stages[key]?.[field];
  if (context.submitted && local) return context.problemText[local];
  for (const [path, message] of Object.entries(context.serverIssues)) {
    if (path.endsWith(`.${field}`) && issueStageKey(draft, path) === key) return message;
  }
  return null;
}

/** Server issues that belong to no stage field nor a removed stage's destination. */
export function generalIssues(serverIssues: Record<string, string>): string[] {
  return Object.entries(serverIssues)
    .filter(([path]) => !/^stages\.\d+\.(name|color)$/.test(path) && !path.startsWith("moveTo."))
    .map(([, message]) => message);
}
