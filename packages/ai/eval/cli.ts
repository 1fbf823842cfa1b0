import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { parseArgs } from "node:util";
import { loadServerEnv } from "@agents-crm/config/env";
import { formatMisses, formatTable } from "./report-table";
import { EVAL_REPORT_KIND, runEval, type EvalReport } from "./run-eval";

const ROOT = join(import.meta.dirname, "../../..");

export const USAGE = `npm run eval -- [options]
  --agent <file>          agent document (YAML/JSON, the reference format); default: the demo agent
  --conversations <file>  conversation set (YAML/JSON); default: packages/ai/eval/conversations.yaml
  --model <name>          chat model instead of the agent's llm.model (with OPENAI_API_KEY / OPENAI_BASE_URL)
  --out <file>            where the JSON report goes; default: bench/results/eval-<model>-<time>.json
  --misses <n>            how many missed turns to list under the table (default 20)
  --compare <a> <b>       print two saved reports side by side (runs nothing)
The model comes from the API's environment: OPENAI_API_KEY and/or OPENAI_BASE_URL; neither is the offline model.`;

async function readReport(path: string): Promise<EvalReport> {
  const value = JSON.parse(await readFile(path, "utf8")) as Partial<EvalReport>;
  if (value.kind !== EVAL_REPORT_KIND)
    throw new Error(`${path} is not an eval report (no kind "${EVAL_REPORT_KIND}")`);
  return value as EvalReport;
}

const slug = (text: string) =>
  text
    .replace(/[^a-z0-9.]+/gi, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();

/** `npm run eval`: runs the set and prints the table (or compares two reports); returns the exit code. */
export async function main(argv: string[], env: Record<string, string | undefined> = process.env) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      agent: { type: "string" },
      conversations: { type: "string" },
      model: { type: "string" },
      out: { type: "string" },
      misses: { type: "string", default: "20" },
      compare: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.compare) {
    if (positionals.length !== 2) throw new Error("--compare takes two report files");
    console.log(formatTable(await Promise.all(positionals.map(readReport))));
    return 0;
  }
  if (positionals.length > 0) throw new Error(`unexpected argument ${positionals[0]}\n${USAGE}`);
  const report = await runEval({
    env: loadServerEnv(env),
    agentPath: values.agent,
    conversationsPath: values.conversations,
    model: values.model,
    onConversation: process.stderr.isTTY
      ? (done, total) => process.stderr.write(`\r${done}/${total} conversations`)
      : undefined,
  });
  if (process.stderr.isTTY) process.stderr.write("\n");
  const out =
    values.out ??
    join(
      ROOT,
      "bench/results",
      `eval-${slug(report.model.chatModel)}-${report.createdAt.replace(/[:.]/g, "-")}.json`,
    );
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(formatTable([report]));
  console.log(`\n${formatMisses(report, Number(values.misses) || 0)}`);
  console.log(`\nreport: ${relative(process.cwd(), out)}`);
  return 0;
}
