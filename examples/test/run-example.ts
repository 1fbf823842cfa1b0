import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface ExampleRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npx tsx examples/<name>.ts …` as the README says, from the repository root, with only `env`. */
export function startExample(
  name: string,
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; done: Promise<ExampleRun>; stderr: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", `examples/${name}.ts`, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<ExampleRun>((resolve) =>
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr })),
  );
  return { child, done, stderr: () => stderr };
}

export const runExample = (name: string, args: string[], env: Record<string, string> = {}) =>
  startExample(name, args, env).done;
