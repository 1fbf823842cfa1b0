import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@agents-crm/api";
import type { modelProblems } from "./messages";

export type ModelProblem = inferRouterOutputs<AppRouter>["system"]["modelProblems"][number];
type Words = (typeof modelProblems)["en"];

/** One problem in the console's language, with its fix. */
export function problemText(problem: ModelProblem, t: Words): string {
  const { model, baseURL } = problem;
  switch (problem.kind) {
    case "model_not_found":
      return t.modelNotFound(model, baseURL, (problem.availableModels ?? []).join(", "));
    case "moderation_unavailable":
      return t.moderationUnavailable(baseURL);
    case "structured_output_fallback":
      return t.structuredFallback(model, baseURL, problem.fallback ?? "json_object");
    case "usage_missing":
      return t.usageMissing(model, baseURL);
  }
}

/** The problems that concern an agent: its model's, and the server-wide ones (moderation). */
export function problemsOfModel(problems: readonly ModelProblem[], model: string): ModelProblem[] {
  return problems.filter((p) => p.model === model || p.kind === "moderation_unavailable");
}
