import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import type { Instruction, Stage } from "./dockerfile";
import { execForm, keyValuePairs, parseDockerfile, requiredStages, substitute } from "./dockerfile";
import { copyBuildContext } from "./dockerignore";
import { dockerCopy, ownerOf } from "./replay-copy";
import type { Owner } from "./replay-copy";

/**
 * Replays a Dockerfile without Docker: each stage the final one needs gets its own root directory
 * under `workDir`, WORKDIR / COPY paths are mapped into it, and RUN commands run there with the host's
 * Node and npm (standing in for the base image's). The result is the final stage's file tree and the
 * settings its container would start with.
 */
export interface ReplayedImage {
  /** Host directory standing for the image's `/`. */
  root: string;
  /** WORKDIR of the final stage (image path). */
  workdir: string;
  env: Record<string, string>;
  cmd: string[];
  healthcheck?: string[];
  user?: Owner;
  exposed: string[];
  stageSeconds: Record<string, number>;
  /** The directory of the `node` standing in for the base image's (first on PATH). */
  nodeBin: string;
}

export interface ReplayOptions {
  dockerfile: string;
  context: string;
  workDir: string;
  /** Extra environment for RUN steps (e.g. npm_config_prefer_offline); never for the final container. */
  buildEnv?: Record<string, string>;
  /** Apply COPY --chown (needs root). */
  applyOwnership: boolean;
  /**
   * The base image's Node: the directory holding its `node` (e.g. from fetch-node.mjs). RUN steps and
   * the container find it first on PATH; native addons compile against its headers. Default: ours.
   */
  nodeBin?: string;
  log: (line: string) => void;
}

interface StageState {
  root: string;
  workdir: string;
  env: Record<string, string>;
  args: Record<string, string>;
}

/** The host path of an image path inside a stage root. */
export function hostPath(root: string, workdir: string, path: string): string {
  return join(root, posix.isAbsolute(path) ? path : posix.join(workdir, path));
}

function runCommand(command: string[], cwd: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const [file = "", ...args] = command;
    const child = spawn(file, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command.join(" ")} exited with ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

function copyArguments(args: string): string[] {
  return execForm(args) ?? args.split(/\s+/).filter(Boolean);
}

/** What every step of one replay needs. */
interface Replay {
  options: ReplayOptions;
  /** The build context after .dockerignore. */
  context: string;
  /** The stages built so far, by name (for FROM and COPY --from). */
  states: Map<string, StageState>;
  globalArgs: Record<string, string>;
}

/** The container settings a stage's instructions declare. */
type ImageSettings = Omit<ReplayedImage, "root" | "workdir" | "env" | "stageSeconds" | "nodeBin">;

/** One instruction's place: its stage, the stage's state so far, and whether it is the final one. */
interface Step {
  stage: Stage;
  state: StageState;
  settings: ImageSettings;
  isFinal: boolean;
}

export async function replayBuild(options: ReplayOptions): Promise<ReplayedImage> {
  const dockerfile = parseDockerfile(readFileSync(options.dockerfile, "utf8"));
  const context = join(options.workDir, "context");
  const files = copyBuildContext(options.context, context);
  options.log(`context: ${files} files after .dockerignore`);
  const replay: Replay = { options, context, states: new Map(), globalArgs: dockerfile.globalArgs };
  const stageSeconds: Record<string, number> = {};
  const stages = requiredStages(dockerfile);
  const nodeBin = nodeBinOf(options);
  let image: ReplayedImage | undefined;

  for (const stage of stages) {
    const started = Date.now();
    const step: Step = {
      stage,
      state: startStage(replay, stage),
      settings: { cmd: [], exposed: [] },
      isFinal: stage === stages.at(-1),
    };
    for (const instruction of stage.instructions) await apply(replay, instruction, step);
    stageSeconds[stage.name] = (Date.now() - started) / 1000;
    options.log(`stage ${stage.name}: ${stageSeconds[stage.name]?.toFixed(1)} s`);
    const { root, workdir, env } = step.state;
    if (step.isFinal) image = { ...step.settings, root, workdir, env, stageSeconds, nodeBin };
  }
  if (!image) throw new Error("no final stage");
  return image;
}

/** A stage's root: a copy of the stage it is FROM, or empty for a base image. */
function startStage(replay: Replay, stage: Stage): StageState {
  const root = join(replay.options.workDir, "stages", `${stage.index}-${stage.name}`);
  const parent = stage.fromStage ? replay.states.get(stage.fromStage.name) : undefined;
  if (parent) cpSync(parent.root, root, { recursive: true, verbatimSymlinks: true });
  else mkdirSync(root, { recursive: true });
  const state: StageState = {
    root,
    workdir: parent?.workdir ?? "/",
    env: { ...(parent?.env ?? {}) },
    args: { ...replay.globalArgs },
  };
  replay.states.set(stage.name, state);
  return state;
}

async function apply(replay: Replay, i: Instruction, step: Step): Promise<void> {
  const { state, settings } = step;
  const vars = { ...state.args, ...state.env };
  switch (i.keyword) {
    case "ARG": {
      const [name = "", value] = i.args.split("=", 2);
      state.args[name.trim()] = value?.trim() ?? replay.globalArgs[name.trim()] ?? "";
      return;
    }
    case "ENV":
      for (const [k, v] of Object.entries(keyValuePairs(i.args)))
        state.env[k] = substitute(v, vars);
      return;
    case "WORKDIR":
      state.workdir = posix.resolve(state.workdir, substitute(i.args, vars));
      mkdirSync(hostPath(state.root, "/", state.workdir), { recursive: true });
      return;
    case "COPY":
      copy(replay, i, step, vars);
      return;
    case "RUN":
      await run(replay, i, state);
      return;
    case "USER":
      settings.user = ownerOf(i.args.trim());
      return;
    case "EXPOSE":
      settings.exposed.push(...i.args.split(/\s+/).filter(Boolean));
      return;
    case "CMD":
      settings.cmd = execForm(i.args) ?? ["sh", "-c", i.args];
      return;
    case "HEALTHCHECK": {
      const command = /^CMD\s+(.*)$/i.exec(i.args)?.[1];
      settings.healthcheck = command ? (execForm(command) ?? ["sh", "-c", command]) : undefined;
      return;
    }
    case "LABEL":
    case "STOPSIGNAL":
      return;
    default:
      throw new Error(`line ${i.line} (stage ${step.stage.name}): ${i.keyword} cannot be replayed`);
  }
}

function copy(replay: Replay, i: Instruction, step: Step, vars: Record<string, string>): void {
  const parts = copyArguments(substitute(i.args, vars));
  const destination = parts.pop() ?? "";
  const from = i.flags.from === undefined ? undefined : replay.states.get(i.flags.from);
  if (i.flags.from !== undefined && !from)
    throw new Error(`line ${i.line}: COPY --from=${i.flags.from} names no built stage`);
  const base = from ? from.root : replay.context;
  const { root, workdir } = step.state;
  dockerCopy({
    sources: parts.map((p) => join(base, p)),
    destination: hostPath(root, workdir, destination),
    toDirectory: destination.endsWith("/"),
    owner:
      replay.options.applyOwnership && step.isFinal && i.flags.chown
        ? ownerOf(i.flags.chown)
        : undefined,
  });
}

const nodeBinOf = (options: ReplayOptions) => options.nodeBin ?? dirname(process.execPath);

function run(replay: Replay, i: Instruction, state: StageState): Promise<void> {
  const { options } = replay;
  const command = execForm(i.args) ?? ["sh", "-c", i.args];
  const nodeBin = nodeBinOf(options);
  options.log(`  RUN ${i.args.length > 110 ? `${i.args.slice(0, 107)}...` : i.args}`);
  return runCommand(command, hostPath(state.root, state.workdir, "."), {
    PATH: `${nodeBin}:${process.env.PATH ?? ""}`,
    HOME: process.env.HOME ?? "/root",
    // node-gyp builds against the headers of the Node that will load the addon, not the machine's.
    npm_config_nodedir: dirname(nodeBin),
    ...options.buildEnv,
    ...state.env,
  });
}
