import type { EvalReport } from "./run-eval";
import type { Rate } from "./score";

/** One line of the table: a label and, per report, its number (for comparing) and how it reads. */
interface Row {
  label: string;
  value: (report: EvalReport) => { number: number | null; text: string };
}

const fraction = (r: Rate | undefined) => ({
  number: r?.rate ?? null,
  text:
    r === undefined ? "—" : r.rate === null ? "— (0)" : `${r.rate.toFixed(2)} (${r.hits}/${r.of})`,
});
const plain = (n: number | null, unit = "", digits = 0) => ({
  number: n,
  text: n === null ? "—" : `${n.toFixed(digits)}${unit}`,
});

function typeRows(reports: readonly EvalReport[]): Row[] {
  const types = [
    ...new Set(reports.flatMap((r) => Object.keys(r.scores.escalation.perType))),
  ].sort();
  return types.flatMap((type): Row[] => [
    {
      label: `  ${type} precision`,
      value: (r) => fraction(r.scores.escalation.perType[type]?.precision),
    },
    {
      label: `  ${type} recall`,
      value: (r) => fraction(r.scores.escalation.perType[type]?.recall),
    },
  ]);
}

function groupRows(
  reports: readonly EvalReport[],
  groups: (r: EvalReport) => Record<string, Rate>,
): Row[] {
  const names = [...new Set(reports.flatMap((r) => Object.keys(groups(r))))].sort();
  return names.map((name) => ({ label: `  ${name}`, value: (r) => fraction(groups(r)[name]) }));
}

function rows(reports: readonly EvalReport[]): (Row | string)[] {
  return [
    "escalation (handoff type per turn)",
    {
      label: "  any handoff when one was due (recall)",
      value: (r) => fraction(r.scores.escalation.handoffRecall),
    },
    {
      label: "  false handoffs (should have answered)",
      value: (r) => fraction(r.scores.escalation.falseHandoffs),
    },
    { label: "  right outcome, all turns", value: (r) => fraction(r.scores.escalation.accuracy) },
    ...typeRows(reports),
    "right outcome per category",
    ...groupRows(reports, (r) => r.scores.perCategory),
    "right outcome per language",
    ...groupRows(reports, (r) => r.scores.perLanguage),
    "replies",
    {
      label: "  in the customer's language",
      value: (r) => fraction(r.scores.languageMatch.overall),
    },
    ...(["en", "ru", "ar"] as const).map((language) => ({
      label: `    ${language}`,
      value: (r: EvalReport) => fraction(r.scores.languageMatch.perLanguage[language]),
    })),
    { label: "  with the expected facts", value: (r) => fraction(r.scores.answers) },
    {
      label: "  after-hours note where it belongs",
      value: (r) => fraction(r.scores.afterHoursNote),
    },
    {
      label: "  giving medical advice (lower is better)",
      value: (r) => fraction(r.scores.medicalAdvice.violations),
    },
    ...(["dosage", "medication", "diagnosis", "treatment"] as const).map((rule) => ({
      label: `    ${rule}`,
      value: (r: EvalReport) => plain(r.scores.medicalAdvice.byRule[rule]),
    })),
    { label: "  fallback texts (model failed)", value: (r) => plain(r.scores.fallbacks) },
    "latency and cost",
    { label: "  turn p50", value: (r) => plain(r.scores.latencyMs.p50, " ms", 1) },
    { label: "  turn p95", value: (r) => plain(r.scores.latencyMs.p95, " ms", 1) },
    {
      label: "  first streamed text p50",
      value: (r) => plain(r.scores.latencyMs.firstDeltaP50, " ms", 1),
    },
    {
      label: "  tokens per conversation",
      value: (r) => plain(r.scores.usage.tokensPerConversation),
    },
    {
      label: "  cost per conversation",
      value: (r) => plain(r.scores.usage.costPerConversationUsd, " $", 6),
    },
    { label: "  cost of the run", value: (r) => plain(r.scores.usage.totalCostUsd, " $", 4) },
  ];
}

function title(report: EvalReport) {
  const { scores } = report;
  return `${report.model.label} (${report.model.chatModel}) · agent ${report.agent.id} · ${scores.conversations} conversations, ${scores.turns} turns`;
}

function notes(reports: readonly EvalReport[]): string[] {
  const out: string[] = [];
  const [a, b] = reports;
  if (
    a &&
    b &&
    (a.conversationsFile !== b.conversationsFile || a.scores.turns !== b.scores.turns)
  ) {
    out.push(
      "note: the two reports ran different conversation sets, so their numbers do not compare",
    );
  }
  if (
    reports.some((r) => r.agent.origin !== "demo" && r.conversationsFile.startsWith("built-in"))
  ) {
    out.push(
      "note: the built-in set's facts and opening hours are the demo clinic's; give your agent's own with --conversations",
    );
  }
  return out;
}

/** The table `npm run eval` prints; with two reports, side by side with the difference. */
export function formatTable(reports: readonly EvalReport[]): string {
  const lines = reports.map((r, i) =>
    reports.length > 1 ? `${"AB"[i] ?? i}: ${title(r)}` : title(r),
  );
  lines.push(...notes(reports));
  const table = rows(reports);
  const width =
    Math.max(...table.map((row) => (typeof row === "string" ? row : row.label).length)) + 2;
  const columns = reports.length > 1 ? ["A", "B", "B − A"] : [];
  if (columns.length > 0)
    lines.push("", `${"".padEnd(width)}${columns.map((c) => c.padEnd(22)).join("")}`.trimEnd());
  for (const row of table) {
    if (typeof row === "string") {
      lines.push("", row);
      continue;
    }
    const values = reports.map((r) => row.value(r));
    const cells = values.map((v) => v.text.padEnd(22));
    if (values.length === 2 && values[0]!.number !== null && values[1]!.number !== null) {
      const delta = values[1]!.number - values[0]!.number;
      cells.push(`${delta >= 0 ? "+" : ""}${Number(delta.toPrecision(3))}`);
    }
    lines.push(`${row.label.padEnd(width)}${cells.join("").trimEnd()}`);
  }
  return lines.join("\n");
}

/** The turns that went wrong, one line each, for reading after the table. */
export function formatMisses(report: EvalReport, limit: number): string {
  const { misses } = report.scores;
  if (misses.length === 0) return "no misses";
  if (limit <= 0) return `${misses.length} misses (listed in the JSON, under scores.misses)`;
  const clip = (text: string, n: number) => {
    const line = text.replace(/\s+/g, " ");
    return line.length > n ? `${line.slice(0, n - 1)}…` : line;
  };
  const lines = misses
    .slice(0, limit)
    .map(
      (m) =>
        `- ${m.conversation}#${m.turn}: ${m.problem}\n    customer: ${clip(m.customer, 100)}\n    reply:    ${clip(m.reply, 100)}`,
    );
  if (misses.length > limit)
    lines.push(`… and ${misses.length - limit} more (all in the JSON, under scores.misses)`);
  return `${misses.length} misses:\n${lines.join("\n")}`;
}
