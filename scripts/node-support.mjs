// Which Node `npm start` runs on: at least the root package.json's engines minimum (a clear refusal
// below it), with a warning once the running line is past its end of life. The images and CI run the
// current LTS (ARG NODE_VERSION in the Dockerfiles); a self-hosted `npm start` may lag behind it.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * End of life of the LTS lines, from the Node.js Release Working Group's schedule
 * (https://github.com/nodejs/Release#release-schedule).
 */
export const END_OF_LIFE = {
  20: "2026-04-30",
  22: "2027-04-30",
  24: "2028-04-30",
  26: "2029-04-30",
};

const parse = (version) => version.replace(/^v/, "").split(".").map(Number);

/** The lowest version `engines.node` (">=x.y" or ">=x.y.z") admits. */
export function engineMinimum(range) {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!match) throw new Error(`engines.node "${range}" is not of the form >=x.y.z`);
  return [match[1], match[2] ?? "0", match[3] ?? "0"].join(".");
}

function atLeast(version, minimum) {
  const [a = 0, b = 0, c = 0] = parse(version);
  const [x = 0, y = 0, z = 0] = parse(minimum);
  return a !== x ? a > x : b !== y ? b > y : c >= z;
}

/**
 * `{ ok: false, message }` below the minimum; `{ ok: true, message }` on a line past its end of life;
 * `{ ok: true }` otherwise. `lts` is the images' Node, named as the one to move to.
 */
export function nodeSupport({ version, minimum, lts, today = new Date() }) {
  const running = `Node ${version.replace(/^v/, "")}`;
  const target = `Node ${lts.split(".")[0]} (the current LTS, which the images and CI run)`;
  if (!atLeast(version, minimum))
    return {
      ok: false,
      message: `${running} is too old: npm start needs Node ${minimum} or newer; install ${target}.`,
    };
  const eol = END_OF_LIFE[parse(version)[0]];
  if (eol && today.toISOString().slice(0, 10) >= eol)
    return {
      ok: true,
      message: `${running} reached its end of life on ${eol} (no more security fixes); npm start still runs on it, but move to ${target}.`,
    };
  return { ok: true };
}

/** The check for this checkout and this process. */
export function checkThisNode(root, today = new Date()) {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const dockerfile = readFileSync(join(root, "apps/api/Dockerfile"), "utf8");
  const lts = /^ARG NODE_VERSION=(\S+)$/m.exec(dockerfile)?.[1] ?? "";
  return nodeSupport({
    version: process.version,
    minimum: engineMinimum(manifest.engines.node),
    lts,
    today,
  });
}
