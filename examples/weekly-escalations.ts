// A weekly summary of escalations by type, read straight from the database (the embedded one in DATA_DIR,
// or DynamoDB through the same AWS_* / DYNAMODB_* variables as the API).
//   npx tsx examples/weekly-escalations.ts --until 2026-12-07
import { loadServerEnv } from "@agents-crm/config/env";
import { parseMessageMetadata } from "@agents-crm/config/message-metadata";
import { createRepositories, openDatabaseFromEnv } from "@agents-crm/db";
import { options, run, UsageError } from "./lib/script";

const HELP = `Usage: npx tsx examples/weekly-escalations.ts [--until YYYY-MM-DD] [--agent <agentId>] [--json]

Counts the conversations that escalated (were handed to a human) in the 7 days before --until
(UTC midnight; default: now), by escalation type (urgent, medical, booking, …), with each type's
share and the busiest agent. A conversation counts once, under the type of its first escalation in
the week: the type an agent turn declared (kept in the reply's metadata even after the conversation
went back to the AI), else its needs-human mark. --json prints the numbers as JSON.

The embedded database opens in one process at a time: stop the API first (or point the variables at
DynamoDB, where the API may keep running).`;

const DAY = 86_400_000;

run("weekly-escalations", async () => {
  const { values } = options(HELP, {
    until: { type: "string" },
    agent: { type: "string" },
    json: { type: "boolean", default: false },
  });
  const to = values.until ? new Date(`${values.until}T00:00:00.000Z`) : new Date();
  if (Number.isNaN(to.getTime())) throw new UsageError(`--until must be YYYY-MM-DD`);
  const from = new Date(to.getTime() - 7 * DAY);
  const env = loadServerEnv();
  const db = await openDatabaseFromEnv(env);
  try {
    const repos = createRepositories(db, { messageTtlHours: env.MESSAGE_TTL_HOURS });
    const active = await repos.stats.conversationsActiveSince({
      since: from,
      agentId: values.agent,
    });
    const byType: Record<string, number> = {};
    const byAgent: Record<string, number> = {};
    for (const c of active) {
      let type: string | null = null;
      for (const m of await repos.stats.messagesBetween(c.conversationId, { from, to })) {
        const { escalation } = parseMessageMetadata(m.metadata);
        if (escalation) {
          type = escalation.type ?? "unspecified";
          break;
        }
      }
      if (
        !type &&
        c.needsHumanSince &&
        c.needsHumanSince >= from.toISOString() &&
        c.needsHumanSince < to.toISOString()
      ) {
        type = c.escalationType ?? "unspecified";
      }
      if (!type) continue;
      byType[type] = (byType[type] ?? 0) + 1;
      const agent = (await repos.conversations.get(c.conversationId))?.agentId ?? "unknown";
      byAgent[agent] = (byAgent[agent] ?? 0) + 1;
    }
    const total = Object.values(byType).reduce((a, b) => a + b, 0);
    const week = { from: from.toISOString(), to: to.toISOString(), total, byType, byAgent };
    if (values.json) {
      console.log(JSON.stringify(week, null, 2));
      return;
    }
    console.log(`Escalations ${week.from.slice(0, 10)} – ${week.to.slice(0, 10)}: ${total}`);
    for (const [type, count] of Object.entries(byType).sort((a, b) => b[1] - a[1])) {
      console.log(
        `  ${type.padEnd(14)} ${String(count).padStart(5)}  ${Math.round((100 * count) / total)} %`,
      );
    }
    const busiest = Object.entries(byAgent).sort((a, b) => b[1] - a[1])[0];
    if (busiest) console.log(`Busiest agent: ${busiest[0]} (${busiest[1]})`);
  } finally {
    await db.close();
  }
});
