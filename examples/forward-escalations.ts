// Forwards every escalation (a conversation handed to a human) to a webhook as JSON, live, resuming
// after the last one forwarded when restarted.
//   npx tsx examples/forward-escalations.ts --webhook https://hooks.example.com/crm --state .escalations-state
import { readFile, writeFile } from "node:fs/promises";
import { createAgentsCrmClient, escalations } from "@agents-crm/client";
import {
  CONNECTION_HELP,
  CONNECTION_OPTIONS,
  deployment,
  options,
  run,
  UsageError,
} from "./lib/script";

const HELP = `Usage: npx tsx examples/forward-escalations.ts --webhook <url> [--state <file>] [--max <n>]

Subscribes to the live feed over WebSocket and POSTs each escalation to the webhook as JSON:
{ conversationId, agentId, channel, type, reason, summary, realert, customer, at, url }.
A webhook that does not answer 2xx is retried (1 s, 2 s, 4 s… up to 5 tries) before the script
fails. The last forwarded event id is kept in --state, so a restart resumes where it stopped
(the API replays what it missed). --max stops after n escalations. Ctrl-C stops it.

${CONNECTION_HELP}`;

async function post(webhook: string, body: unknown): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(webhook, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).catch((error: unknown) => ({ ok: false, status: String(error) }) as const);
    if (response.ok) return;
    if (attempt >= 4) throw new Error(`the webhook kept failing (last: ${response.status})`);
    await new Promise((r) => setTimeout(r, 1_000 * 2 ** attempt));
  }
}

run("forward-escalations", async () => {
  const { values } = options(HELP, {
    ...CONNECTION_OPTIONS,
    webhook: { type: "string" },
    state: { type: "string" },
    max: { type: "string" },
  });
  if (!values.webhook || !URL.canParse(values.webhook)) {
    throw new UsageError("--webhook <url> is required");
  }
  const max = values.max === undefined ? Infinity : Number(values.max);
  if (!(max > 0)) throw new UsageError("--max must be a positive number");
  const lastEventId = values.state
    ? await readFile(values.state, "utf8").then(
        (t) => t.trim() || null,
        () => null,
      )
    : null;
  const where = deployment(values);
  const api = createAgentsCrmClient(where);
  const stop = new AbortController();
  process.once("SIGINT", () => stop.abort());
  process.once("SIGTERM", () => stop.abort());
  let forwarded = 0;
  console.error(`listening for escalations${lastEventId ? ` after ${lastEventId}` : ""}`);
  try {
    for await (const { id, event } of escalations(api.trpc, { lastEventId, signal: stop.signal })) {
      const { conversation, escalationType, reason, summary, realert } = event.payload;
      await post(values.webhook, {
        conversationId: conversation.conversationId,
        agentId: conversation.agentId,
        channel: conversation.channel,
        type: escalationType,
        reason,
        summary,
        realert,
        customer: conversation.lastCustomerMessagePreview ?? null,
        at: event.at,
        url: new URL(event.payload.notification.url, where.url).toString(),
      });
      if (values.state) await writeFile(values.state, id);
      forwarded += 1;
      console.log(`forwarded ${conversation.conversationId} (${escalationType})`);
      if (forwarded >= max) break;
    }
  } finally {
    await api.close();
  }
});
