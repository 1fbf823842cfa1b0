import { readFile, writeFile } from "node:fs/promises";
import { stringify } from "yaml";
import { openCliSession } from "./open-session";
import { CommandFailed, parseCommandArgs, required, UsageError, type Command } from "./command";

export const exportAgent: Command = {
  name: "export-agent",
  summary: "write an agent's document as YAML or JSON (to a file or stdout)",
  help: `Usage: agents-crm export-agent <agentId> [--out <file.yaml|file.json>] [--format yaml|json]

Writes the agent's configuration document exactly as stored, the same document the console's editor
and import take. The format follows --format, else the file's extension, else YAML.

Example:
  npx agents-crm export-agent demo_clinic --out demo_clinic.yaml`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { out: { type: "string" }, format: { type: "string" } },
      1,
    );
    const agentId = required(positionals[0], "the agent id");
    const format = values.format ?? (values.out?.endsWith(".json") ? "json" : "yaml");
    if (format !== "yaml" && format !== "json") {
      throw new UsageError(`--format must be yaml or json, not ${format}`);
    }
    const session = await openCliSession();
    try {
      const agent = await session.caller.agents.byId({ agentId });
      const text =
        format === "json"
          ? `${JSON.stringify(agent.config, null, 2)}\n`
          : stringify(agent.config, { lineWidth: 0 });
      if (values.out) {
        await writeFile(values.out, text);
        io.err(`wrote ${agentId} to ${values.out}`);
      } else io.out(text.trimEnd());
    } finally {
      await session.close();
    }
  },
};

export const importAgent: Command = {
  name: "import-agent",
  summary: "create (or with --overwrite replace) an agent from a YAML/JSON document",
  help: `Usage: agents-crm import-agent <file.yaml|file.json> [--agent-id <id>] [--overwrite]

Validates the document with the same schema as the API and the console's import, then creates the
agent (id from the document's agent_id, or --agent-id). An existing agent is replaced only with
--overwrite. Warnings about what the document does not do are printed.

Example:
  npx agents-crm import-agent clinics/north.yaml --agent-id north_clinic`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { "agent-id": { type: "string" }, overwrite: { type: "boolean", default: false } },
      1,
    );
    const file = required(positionals[0], "the document's file");
    const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new CommandFailed(`cannot read ${file}: ${error.code ?? error.message}`);
    });
    const session = await openCliSession();
    try {
      const result = await session.caller.agents.import({
        text,
        agentId: values["agent-id"],
        overwrite: values.overwrite,
      });
      io.out(`${result.created ? "created" : "replaced"} agent ${result.agent.agentId}`);
      for (const warning of result.warnings) io.err(`warning: ${warning.path}: ${warning.message}`);
    } finally {
      await session.close();
    }
  },
};
