// Imports every document of a folder into an agent's knowledge library, through the API.
//   npx tsx examples/import-knowledge.ts --agent demo_clinic ./clinic-docs
import { readdir, readFile } from "node:fs/promises";
import { extname, join, relative, sep } from "node:path";
import { call, createAgentsCrmClient, uploadLibraryFile } from "@agents-crm/client";
import {
  CONNECTION_HELP,
  CONNECTION_OPTIONS,
  deployment,
  options,
  run,
  UsageError,
} from "./lib/script";

const HELP = `Usage: npx tsx examples/import-knowledge.ts --agent <agentId> [--folder <library folder>] [--sendable] <dir>

Adds each file under <dir> (sub-folders become library folders) to the agent's knowledge library:
.txt and .md as text documents titled by their file name, .pdf, .docx, .json and images uploaded as
originals (POST /files) that the API extracts. Each is indexed in the background; the script prints
each document's id and state, and a line per file it skipped or that failed (exit code 1 if any).
--sendable marks them "may be sent to customers".

${CONNECTION_HELP}`;

const TEXT = new Set([".txt", ".md"]);
const UPLOADED: Record<string, string> = {
  ".pdf": "application/pdf",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".json": "application/json",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
};

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(
    (error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read the folder ${dir}: ${error.code ?? error.message}`);
    },
  );
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

run("import-knowledge", async () => {
  const { values, positionals } = options(HELP, {
    ...CONNECTION_OPTIONS,
    agent: { type: "string" },
    folder: { type: "string", default: "" },
    sendable: { type: "boolean", default: false },
  });
  const agentId = values.agent;
  const dir = positionals[0];
  if (!agentId) throw new UsageError("--agent is required");
  if (!dir) throw new UsageError("name the folder to import");
  const where = deployment(values);
  const api = createAgentsCrmClient(where);
  let failed = 0;
  try {
    for (const path of await filesUnder(dir)) {
      const ext = extname(path).toLowerCase();
      const name = relative(dir, path);
      const subfolder = relative(dir, join(path, "..")).split(sep).filter(Boolean).join("/");
      const folder = [values.folder, subfolder].filter(Boolean).join("/");
      try {
        let document;
        if (TEXT.has(ext)) {
          const text = await readFile(path, "utf8");
          document = await call(() =>
            api.trpc.knowledge.create.mutate({
              agentId,
              folder,
              title: name.slice(name.lastIndexOf(sep) + 1, -ext.length),
              text,
              sendable: values.sendable,
            }),
          );
        } else if (UPLOADED[ext]) {
          const file = await uploadLibraryFile(where, {
            agentId,
            name: name.slice(name.lastIndexOf(sep) + 1),
            mimeType: UPLOADED[ext],
            bytes: await readFile(path),
          });
          document = await call(() =>
            api.trpc.knowledge.create.mutate({
              agentId,
              folder,
              fileId: file.fileId,
              sendable: values.sendable,
            }),
          );
        } else {
          console.error(`skipped  ${name} (not .txt, .md, .pdf, .docx, .json or an image)`);
          continue;
        }
        console.log(`added    ${name} → ${document.documentId} (${document.state})`);
      } catch (error) {
        failed += 1;
        console.error(
          `failed   ${name}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  } finally {
    await api.close();
  }
  if (failed > 0) throw new Error(`${failed} file(s) could not be imported`);
});
