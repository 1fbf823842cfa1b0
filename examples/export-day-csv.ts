// Exports the conversations active on one day (UTC) to CSV, through the API with the machine token.
//   npx tsx examples/export-day-csv.ts --date 2026-12-01 --out day.csv
import { writeFile } from "node:fs/promises";
import { createAgentsCrmClient } from "@agents-crm/client";
import { CONVERSATION_STATUSES } from "@agents-crm/config/conversations";
import {
  CONNECTION_HELP,
  CONNECTION_OPTIONS,
  csvCell,
  deployment,
  options,
  run,
  UsageError,
} from "./lib/script";

const HELP = `Usage: npx tsx examples/export-day-csv.ts [--date YYYY-MM-DD] [--agent <agentId>] [--out <file.csv>]

Writes one CSV row per conversation whose last activity fell on that day (UTC; default today): id,
agent, channel, status, stage, customer, assignee, escalation type and reason, the customer's last
message, created and last activity. Pages through conversations.list with its cursor (newest first)
per status and stops at the day's start. Without --out the CSV goes to stdout.

${CONNECTION_HELP}`;

const COLUMNS = [
  "conversationId",
  "agentId",
  "channel",
  "status",
  "stage",
  "customer",
  "assigneeId",
  "escalationType",
  "handoffReason",
  "lastCustomerMessage",
  "createdAt",
  "lastActivityAt",
] as const;

run("export-day-csv", async () => {
  const { values } = options(HELP, {
    ...CONNECTION_OPTIONS,
    date: { type: "string" },
    agent: { type: "string" },
    out: { type: "string" },
  });
  const day = values.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) {
    throw new UsageError(`--date must be YYYY-MM-DD, not ${day}`);
  }
  const start = `${day}T00:00:00.000Z`;
  const end = new Date(Date.parse(start) + 86_400_000).toISOString();
  const api = createAgentsCrmClient(deployment(values));
  try {
    const lines = [COLUMNS.join(",")];
    // Each status's list is newest activity first, so it stops at the day's start; the needs-human
    // queue is ordered by urgency instead and is read whole (it is short).
    for (const status of CONVERSATION_STATUSES) {
      let cursor: string | null = null;
      let done = false;
      do {
        const page = await api.trpc.conversations.list.query({
          status,
          agentId: values.agent,
          cursor,
          limit: 100,
        });
        for (const c of page.items) {
          if (c.lastActivityAt < start && status !== "NEEDS_HUMAN") {
            done = true;
            break;
          }
          if (c.lastActivityAt < start || c.lastActivityAt >= end) continue;
          const row = [
            c.conversationId,
            c.agentId,
            c.channel,
            c.status,
            c.stage,
            c.customer?.name,
            c.assigneeId,
            c.escalationType,
            c.handoffReason,
            c.lastCustomerMessagePreview,
            c.createdAt,
            c.lastActivityAt,
          ];
          lines.push(row.map(csvCell).join(","));
        }
        cursor = page.nextCursor ?? null;
      } while (cursor && !done);
    }
    const csv = `${lines.join("\r\n")}\r\n`;
    if (values.out) {
      await writeFile(values.out, csv);
      console.error(`${lines.length - 1} conversation(s) of ${day} written to ${values.out}`);
    } else process.stdout.write(csv);
  } finally {
    await api.close();
  }
});
