"use client";

import { formatDateTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Notice } from "~/ui/notice";
import { problemsOfModel, problemText } from "./problem-text";

/** What the model server showed (all of it, or one agent's model's), each with its fix; nothing if none. */
export function ModelProblems({ model }: { model?: string }) {
  const t = useT("modelProblems");
  const { locale } = useLocale();
  // Owners' and admins' (operators are refused and see nothing here).
  const query = trpc.system.modelProblems.useQuery(undefined, { staleTime: 30_000, retry: false });
  const all = query.data ?? [];
  const problems = model ? problemsOfModel(all, model) : all;
  if (problems.length === 0) return null;
  return (
    <section aria-labelledby="model-problems-title" data-testid="model-problems">
      <h2 id="model-problems-title">{t.title}</h2>
      {problems.map((problem) => (
        <Notice
          key={`${problem.kind} ${problem.baseURL} ${problem.model}`}
          tone={problem.kind === "model_not_found" ? "danger" : "warning"}
          role="status"
          data-kind={problem.kind}
        >
          {problemText(problem, t)}{" "}
          <span className="muted">
            {t.seen(problem.count, formatDateTime(locale, problem.lastSeenAt))}
          </span>
        </Notice>
      ))}
      <p className="muted">{t.note}</p>
    </section>
  );
}
