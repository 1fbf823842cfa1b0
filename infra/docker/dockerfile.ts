/**
 * A Dockerfile parser for what our two Dockerfiles use (and what the linter must see): line
 * continuations, comments, flags (`--from=`, `--chown=`, `--interval=` …), exec-form JSON arrays, ENV
 * pairs and ARG defaults. Anything it does not understand is kept as a raw instruction for the linter
 * to reject, never silently dropped.
 */
export interface Instruction {
  keyword: string;
  /** Text after the keyword and its flags. */
  args: string;
  flags: Record<string, string>;
  /** 1-based line where the instruction starts. */
  line: number;
}

export interface Stage {
  index: number;
  /** `AS` name, or the index as a string. */
  name: string;
  /** The image or earlier stage it starts from, with global ARGs substituted. */
  from: string;
  /** The earlier stage named by `from`, if it is one. */
  fromStage?: Stage;
  instructions: Instruction[];
  line: number;
}

export interface Dockerfile {
  /** ARGs before the first FROM and their defaults. */
  globalArgs: Record<string, string>;
  stages: Stage[];
}

export class DockerfileSyntaxError extends Error {
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = "DockerfileSyntaxError";
  }
}

function logicalLines(text: string): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  let current: { text: string; line: number } | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    // Comment lines inside a continued instruction are skipped, as Docker does.
    if (trimmed.startsWith("#") || (trimmed === "" && !current)) return;
    const continued = /\\$/.test(trimmed);
    const body = continued ? trimmed.slice(0, -1).trimEnd() : trimmed;
    if (current) current.text += ` ${body}`;
    else current = { text: body, line: i + 1 };
    if (!continued) {
      if (current.text.trim() !== "") lines.push(current);
      current = undefined;
    }
  });
  if (current) lines.push(current);
  return lines;
}

/** Leading `--name=value` (or bare `--name`) flags; returns them and the rest. */
export function splitFlags(text: string): { flags: Record<string, string>; rest: string } {
  const flags: Record<string, string> = {};
  let rest = text.trimStart();
  for (let match = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest); match;) {
    flags[match[1] ?? ""] = match[2] ?? "";
    rest = rest.slice(match[0].length);
    match = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest);
  }
  return { flags, rest: rest.trim() };
}

/** `["node", "main.mjs"]` → the array; shell form → undefined. */
export function execForm(args: string): string[] | undefined {
  if (!args.trimStart().startsWith("[")) return undefined;
  try {
    const parsed: unknown = JSON.parse(args);
    if (Array.isArray(parsed) && parsed.every((p): p is string => typeof p === "string"))
      return parsed;
  } catch {
    return undefined;
  }
  return undefined;
}

/** Splits `A=1 B="two words"` (or legacy `A value`) into pairs, unquoting values. */
export function keyValuePairs(args: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(args)) {
    const [key, ...value] = args.split(/\s+/);
    if (key) pairs[key] = value.join(" ");
    return pairs;
  }
  const pattern = /([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  for (const match of args.matchAll(pattern)) {
    const raw = match[2] ?? "";
    const value =
      raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw;
    pairs[match[1] ?? ""] = value;
  }
  return pairs;
}

/** `${NAME}`, `${NAME:-default}` and `$NAME`, from `vars`; unknown names become empty, as in Docker. */
export function substitute(text: string, vars: Record<string, string>): string {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (_, braced?: string, fallback?: string, bare?: string) => {
      const value = vars[braced ?? bare ?? ""];
      return value !== undefined && value !== "" ? value : (fallback ?? "");
    },
  );
}

const FLAGGED = new Set(["FROM", "COPY", "ADD", "RUN", "HEALTHCHECK"]);

export function parseDockerfile(text: string): Dockerfile {
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const { text: line, line: number } of logicalLines(text)) {
    const match = /^(\S+)\s*(.*)$/.exec(line);
    const keyword = (match?.[1] ?? "").toUpperCase();
    const body = match?.[2] ?? "";
    const { flags, rest } = FLAGGED.has(keyword) ? splitFlags(body) : { flags: {}, rest: body };
    const instruction: Instruction = { keyword, args: rest, flags, line: number };
    if (keyword === "FROM") {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest);
      if (!from?.[1]) throw new DockerfileSyntaxError(number, `cannot read FROM "${rest}"`);
      const image = substitute(from[1], globalArgs);
      stages.push({
        index: stages.length,
        name: from[2] ?? String(stages.length),
        from: image,
        fromStage: stages.find((s) => s.name === image),
        instructions: [],
        line: number,
      });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) {
      if (keyword !== "ARG")
        throw new DockerfileSyntaxError(number, `${keyword} before the first FROM`);
      const [name, value] = rest.split("=", 2);
      globalArgs[name?.trim() ?? ""] = value?.trim() ?? "";
      continue;
    }
    stage.instructions.push(instruction);
  }
  if (stages.length === 0) throw new DockerfileSyntaxError(1, "no FROM");
  return { globalArgs, stages };
}

export function finalStage(dockerfile: Dockerfile): Stage {
  const stage = dockerfile.stages.at(-1);
  if (!stage) throw new Error("no stages");
  return stage;
}

/** Stages the final stage needs (through FROM <stage> and COPY --from), in build order. */
export function requiredStages(dockerfile: Dockerfile): Stage[] {
  const needed = new Set<Stage>();
  const visit = (stage: Stage) => {
    if (needed.has(stage)) return;
    needed.add(stage);
    if (stage.fromStage) visit(stage.fromStage);
    for (const i of stage.instructions) {
      const source = i.flags.from;
      const from =
        source === undefined ? undefined : dockerfile.stages.find((s) => s.name === source);
      if (from) visit(from);
    }
  };
  visit(finalStage(dockerfile));
  return dockerfile.stages.filter((s) => needed.has(s));
}
