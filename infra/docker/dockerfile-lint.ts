import type { Dockerfile, Instruction, Stage } from "./dockerfile";
import { execForm, finalStage, keyValuePairs, parseDockerfile } from "./dockerfile";

/**
 * The Dockerfile rules that matter for these images (hadolint is not installable here: its npm package
 * downloads a binary from GitHub). Each finding names the rule and the line.
 */
export interface Finding {
  rule: string;
  line: number;
  message: string;
}

const KNOWN = new Set([
  "FROM",
  "ARG",
  "ENV",
  "WORKDIR",
  "COPY",
  "ADD",
  "RUN",
  "USER",
  "EXPOSE",
  "HEALTHCHECK",
  "CMD",
  "ENTRYPOINT",
  "LABEL",
  "STOPSIGNAL",
  "VOLUME",
  "SHELL",
  "ONBUILD",
  "MAINTAINER",
]);

const SECRET_NAME = /SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL/i;
/** Values shaped like real credentials: OpenAI keys, AWS access key ids, PEM blocks. */
const SECRET_VALUE =
  /\bsk-[A-Za-z0-9_-]{16,}|\bAKIA[0-9A-Z]{16}\b|-----BEGIN [A-Z ]*PRIVATE KEY-----/;

type Rule = (dockerfile: Dockerfile) => Finding[];

const at = (rule: string, line: number, message: string): Finding => ({ rule, line, message });
const all = (dockerfile: Dockerfile) => dockerfile.stages.flatMap((s) => s.instructions);
const inStage = (stage: Stage, keyword: string) =>
  stage.instructions.filter((i) => i.keyword === keyword);

const rules: Record<string, Rule> = {
  known: (d) =>
    all(d)
      .filter((i) => !KNOWN.has(i.keyword) || i.keyword === "MAINTAINER")
      .map((i) => at("known", i.line, `unknown or deprecated instruction ${i.keyword}`)),

  "multi-stage": (d) => {
    const last = finalStage(d);
    const copiesBuild = inStage(last, "COPY").some((i) => i.flags.from !== undefined);
    return d.stages.length >= 2 && copiesBuild
      ? []
      : [
          at(
            "multi-stage",
            last.line,
            "build in earlier stages; the final stage copies only their output",
          ),
        ];
  },

  "pinned-base": (d) =>
    d.stages
      .filter((s) => !s.fromStage && s.from !== "scratch")
      .flatMap((s) => {
        if (/@sha256:[0-9a-f]{64}$/.test(s.from)) return [];
        const tag = /:([^/:@]+)$/.exec(s.from)?.[1];
        return tag && tag !== "latest" && /\d/.test(tag)
          ? []
          : [
              at(
                "pinned-base",
                s.line,
                `base image "${s.from}" is not pinned to a version or digest`,
              ),
            ];
      }),

  "non-root": (d) => {
    const last = finalStage(d);
    const user = inStage(last, "USER").at(-1);
    const name = user?.args.split(":")[0]?.trim();
    return user && name !== "root" && name !== "0"
      ? []
      : [at("non-root", user?.line ?? last.line, "the final stage must end as a non-root USER")];
  },

  healthcheck: (d) => {
    const last = finalStage(d);
    const check = inStage(last, "HEALTHCHECK").at(-1);
    if (!check || /^NONE\b/i.test(check.args))
      return [at("healthcheck", last.line, "the final stage needs a HEALTHCHECK")];
    return /^CMD\s+/i.test(check.args)
      ? []
      : [at("healthcheck", check.line, "HEALTHCHECK must be `HEALTHCHECK [options] CMD …`")];
  },

  "no-secrets": (d) => {
    const findings: Finding[] = [];
    const check = (i: Instruction, name: string, value: string) => {
      if (SECRET_NAME.test(name))
        findings.push(
          at(
            "no-secrets",
            i.line,
            `${i.keyword} ${name}: secrets are runtime variables, never image layers`,
          ),
        );
      else if (SECRET_VALUE.test(value))
        findings.push(
          at("no-secrets", i.line, `${i.keyword} ${name} holds what looks like a credential`),
        );
    };
    for (const [name, value] of Object.entries(d.globalArgs))
      check({ keyword: "ARG", args: "", flags: {}, line: 1 }, name, value);
    for (const i of all(d)) {
      if (i.keyword === "ENV")
        for (const [k, v] of Object.entries(keyValuePairs(i.args))) check(i, k, v);
      if (i.keyword === "ARG") {
        const [name = "", value = ""] = i.args.split("=", 2);
        check(i, name.trim(), value);
      }
      if ((i.keyword === "RUN" || i.keyword === "LABEL") && SECRET_VALUE.test(i.args))
        findings.push(
          at("no-secrets", i.line, `${i.keyword} contains what looks like a credential`),
        );
    }
    return findings;
  },

  "copy-chown": (d) =>
    inStage(finalStage(d), "COPY").flatMap((i) =>
      i.flags.chown
        ? []
        : [
            at(
              "copy-chown",
              i.line,
              "final-stage COPY must state its owner with --chown (code root, data the runtime user)",
            ),
          ],
    ),

  "no-add": (d) =>
    all(d)
      .filter((i) => i.keyword === "ADD")
      .map((i) =>
        at("no-add", i.line, "use COPY: ADD fetches URLs and unpacks archives implicitly"),
      ),

  "exec-form": (d) =>
    all(d)
      .filter((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT")
      .filter((i) => !execForm(i.args))
      .map((i) =>
        at("exec-form", i.line, `${i.keyword} must be a JSON array so SIGTERM reaches node`),
      ),

  "no-volume": (d) =>
    all(d)
      .filter((i) => i.keyword === "VOLUME")
      .map((i) =>
        at("no-volume", i.line, "VOLUME is refused by Railway; mount volumes at deploy time"),
      ),

  "absolute-workdir": (d) =>
    all(d)
      .filter((i) => i.keyword === "WORKDIR" && !i.args.startsWith("/"))
      .map((i) => at("absolute-workdir", i.line, "WORKDIR must be an absolute path")),

  "npm-ci": (d) =>
    all(d)
      .filter((i) => i.keyword === "RUN" && /\bnpm\s+(install|i|add)\b/.test(i.args))
      .map((i) =>
        at("npm-ci", i.line, "install with `npm ci` so the lockfile decides every version"),
      ),

  "pinned-npx": (d) =>
    all(d)
      .filter((i) => i.keyword === "RUN")
      .flatMap((i) =>
        [...i.args.matchAll(/\bnpx\s+(?:--\S+\s+)*([^\s-][^\s]*)/g)]
          .map((m) => m[1] ?? "")
          .filter((pkg) => !/^(@[^/]+\/)?[^@]+@\d/.test(pkg))
          .map((pkg) => at("pinned-npx", i.line, `npx ${pkg}: pin the version (${pkg}@x.y.z)`)),
      ),

  // images:check replays RUN lines in a temporary directory, so they must not reach outside WORKDIR.
  replayable: (d) =>
    all(d)
      .filter((i) => i.keyword === "RUN" && /(^|[\s=:;&|(])\/[A-Za-z]/.test(i.args))
      .map((i) => at("replayable", i.line, "RUN must use paths relative to WORKDIR")),

  "port-aware": (d) => {
    const last = finalStage(d);
    const port = inStage(last, "ENV")
      .map((i) => keyValuePairs(i.args).PORT)
      .findLast((p) => p !== undefined);
    const exposed = inStage(last, "EXPOSE").flatMap((i) =>
      i.args.split(/\s+/).map((p) => p.split("/")[0]),
    );
    if (!port)
      return [
        at("port-aware", last.line, "the final stage sets a default PORT (platforms override it)"),
      ];
    return exposed.includes(port)
      ? []
      : [at("port-aware", last.line, `EXPOSE ${port} to match the default PORT`)];
  },
};

export const LINT_RULES = Object.keys(rules);

export function lintDockerfile(text: string): Finding[] {
  const dockerfile = parseDockerfile(text);
  return Object.values(rules)
    .flatMap((rule) => rule(dockerfile))
    .sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}
