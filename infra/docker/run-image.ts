import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import type { ReplayedImage } from "./replay-build";
import { hostPath } from "./replay-build";

/**
 * Starts a replayed image's CMD the way `docker run` would: in its WORKDIR, with only the image's ENV
 * plus what the caller passes (nothing from this shell), and — when we are root — as the image's USER,
 * so file ownership mistakes fail here as they would in the container.
 */
export interface Container {
  /** stdout and stderr, interleaved. */
  output(): string;
  errors(): string;
  /** Runs a command inside the "container" (same directory, user and environment), e.g. its HEALTHCHECK. */
  exec(
    command: string[],
    extraEnv?: Record<string, string>,
  ): Promise<{ code: number | null; output: string }>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
  exited: Promise<number | null>;
}

const canSwitchUser = process.getuid?.() === 0;

function containerEnv(image: ReplayedImage, env: Record<string, string>): Record<string, string> {
  return {
    PATH: `${image.nodeBin}:/usr/local/bin:/usr/bin:/bin`,
    HOME: "/nonexistent",
    ...image.env,
    ...env,
  };
}

function spawnIn(
  image: ReplayedImage,
  command: string[],
  env: Record<string, string>,
): ChildProcess {
  const user = canSwitchUser ? image.user : undefined;
  const argv = user
    ? ["setpriv", `--reuid=${user.uid}`, `--regid=${user.gid}`, "--clear-groups", ...command]
    : command;
  const [file = "", ...args] = argv;
  return spawn(file, args, {
    cwd: hostPath(image.root, image.workdir, "."),
    env: containerEnv(image, env),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function collect(child: ChildProcess) {
  let text = "";
  let errors = "";
  child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
    errors += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on("exit", (code) => resolve(code));
    child.on("error", (error) => {
      text += String(error);
      resolve(null);
    });
  });
  return { text: () => text, errors: () => errors, exited };
}

export function runsAsImageUser(): boolean {
  return canSwitchUser;
}

export function startContainer(image: ReplayedImage, env: Record<string, string>): Container {
  if (image.cmd.length === 0) throw new Error("the image has no CMD");
  const child = spawnIn(image, image.cmd, env);
  const { text, errors, exited } = collect(child);
  return {
    output: text,
    errors,
    exited,
    async exec(command, extraEnv = {}) {
      const run = collect(spawnIn(image, command, { ...env, ...extraEnv }));
      return { code: await run.exited, output: run.text() };
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Polls `url` until `accept` holds; fails with the container's output if it exits or times out. */
export async function waitForHttp(
  container: Container,
  url: string,
  accept: (status: number, body: string) => boolean,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void container.exited.then(() => (exited = true));
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (accept(response.status, await response.text())) return;
    } catch {
      // not listening yet
    }
    if (exited)
      throw new Error(`the container exited before ${url} answered:\n${container.output()}`);
    if (Date.now() > deadline)
      throw new Error(`${url} did not answer in time:\n${container.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
