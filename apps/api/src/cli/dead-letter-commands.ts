import { openCliSession } from "./open-session";
import { CommandFailed, parseCommandArgs, type Command } from "./command";

export const replayDeadLetters: Command = {
  name: "replay-dead-letters",
  summary: "put failed channel events and deliveries back in the queue",
  help: `Usage: agents-crm replay-dead-letters [--agent <agentId>] [--event <eventKey>]... [--dry-run]

Lists the channel inbox's dead letters (inbound events and deliveries that kept failing; newest first)
and replays them: each goes back to the queue with its attempts reset, audited as
replay_inbound_event. The API's channel workers process them (with the embedded database, on the
API's next start). --agent keeps those of one agent's channels, --event names the ones to replay,
--dry-run only lists them.

Example:
  npx agents-crm replay-dead-letters --agent demo_clinic --dry-run`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      agent: { type: "string" },
      event: { type: "string", multiple: true },
      "dry-run": { type: "boolean", default: false },
    });
    const only = values.event ? new Set(values.event) : null;
    const session = await openCliSession();
    try {
      let cursor: string | null = null;
      let found = 0;
      let failed = 0;
      do {
        const page = await session.caller.inbox.listDead({
          agentId: values.agent,
          cursor,
          limit: 100,
        });
        for (const item of page.items) {
          if (only && !only.has(item.eventKey)) continue;
          found += 1;
          const what = `${item.eventKey} ${item.platform} ${item.type} (${item.attempts} attempts: ${item.lastError ?? "no error kept"})`;
          if (values["dry-run"]) {
            io.out(`dead     ${what}`);
            continue;
          }
          try {
            await session.caller.inbox.replay({ eventKey: item.eventKey });
            io.out(`replayed ${what}`);
          } catch (error) {
            failed += 1;
            io.err(
              `failed   ${item.eventKey}: ${error instanceof Error ? error.message : String(error)}`,
            );
          }
        }
        cursor = page.nextCursor ?? null;
      } while (cursor);
      for (const key of only ?? []) {
        if (!(await session.deps.repos.inboundEvents.get(key))) io.err(`not found ${key}`);
      }
      io.err(
        `${found} dead letter(s)${values["dry-run"] ? " (dry run: nothing replayed)" : `, ${found - failed} replayed`}`,
      );
      if (failed > 0) throw new CommandFailed(`${failed} dead letter(s) could not be replayed`);
    } finally {
      await session.close();
    }
  },
};
