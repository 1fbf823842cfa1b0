// The `agents-crm` command (apps/api/bin/agents-crm.mjs runs this file through tsx).
import { runCli } from "./agents-crm";

const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
// Exits at once: a command's last work (a closed database, a flushed line) is done by now, and nothing
// background (timers of the libraries) should keep a finished command alive.
process.exitCode = code;
process.exit(code);
