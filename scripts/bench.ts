// `npm run bench`: runs every workspace benchmark (files in <workspace>/bench/) one after another, so they
// do not compete for the two cores, then lists the JSON results they wrote to bench/results/.
// Words select benches by path (`npm run bench -- soak webhook`); a flag `--<bench>-<option>=<value>` is
// handed to the benches whose file name starts with <bench> (`npm run bench -- soak --soak-minutes=2`).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { fetchNode, imageNodeVersion } from "../infra/docker/fetch-node.mjs";

const root = join(import.meta.dirname, "..");
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith("--"));
const flags = args.filter((a) => a.startsWith("--") && a !== "--machine-node");
// Benchmarks run on the Node the images run (production's), fetched like CI does; `--machine-node`
// measures on this machine's own Node instead.
const node = args.includes("--machine-node")
  ? process.execPath
  : join(fetchNode(imageNodeVersion()), "node");
console.log(
  `benchmarks on Node ${spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim()}`,
);
const flagsFor = (file: string) =>
  flags.filter((flag) => {
    const bench = basename(file).split(".")[0] ?? "";
    return flag.startsWith(`--${bench}-`);
  });
const files: string[] = [];
for (const group of ["packages", "apps"]) {
  for (const workspace of readdirSync(join(root, group))) {
    const dir = join(root, group, workspace, "bench");
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      // `_*.ts` are shared helpers; `*-driver.ts` run inside their bench's worker thread.
      if (
        file.endsWith(".ts") &&
        !file.endsWith(".d.ts") &&
        !file.startsWith("_") &&
        !file.endsWith("-driver.ts")
      )
        files.push(join(dir, file));
    }
  }
}
// Matched against the path inside the repository: a checkout's own path may contain a bench's name.
const selected =
  only.length > 0 ? files.filter((f) => only.some((o) => relative(root, f).includes(o))) : files;
let failed = 0;
for (const file of selected) {
  console.log(`\n=== ${relative(root, file)}`);
  const result = spawnSync(node, ["--import", "tsx", file, ...flagsFor(file)], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    failed += 1;
    console.error(`!!! ${relative(root, file)} failed (exit ${result.status ?? result.signal})`);
  }
}
const results = join(root, "bench/results");
if (existsSync(results)) {
  console.log(`\nresults in ${relative(root, results)}/: ${readdirSync(results).join(", ")}`);
}
process.exit(failed > 0 ? 1 : 0);
