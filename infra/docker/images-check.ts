// `npm run images:check`: proves the images without Docker (no base image can be pulled here): the
// two-service layout (apps/api/Dockerfile, apps/web/Dockerfile) and the one-service image (Dockerfile).
// It lints the files, fetches the base images' Node (ARG NODE_VERSION) from the npm registry when this
// machine runs another, replays every stage the final one needs in a clean temporary directory (the
// same prune / install / build commands, on that Node, with this machine's npm cache standing in for
// the base image), then starts each final stage's CMD on that Node as its USER with only the image's
// ENV, and checks /health, the HEALTHCHECK command, the web pages and the proxy, the web server's own
// health without an API, and the production refusals. `--keep` leaves the temporary directory.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseDockerfile } from "./dockerfile";
import { lintDockerfile } from "./dockerfile-lint";
import { fetchNode } from "./fetch-node.mjs";
import { freePort, get, upgradeStatus } from "./http-probes";
import { megabytes, summarizeTree } from "./image-files";
import { replayBuild } from "./replay-build";
import type { ReplayedImage } from "./replay-build";
import { runsAsImageUser, startContainer, waitForHttp } from "./run-image";
import type { Container } from "./run-image";

const root = join(import.meta.dirname, "../..");
const keep = process.argv.includes("--keep");
const started = Date.now();
const timings: [string, number][] = [];
const dockerfiles = {
  api: "apps/api/Dockerfile",
  web: "apps/web/Dockerfile",
  one: "Dockerfile",
} as const;

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`check failed: ${message}`);
  console.log(`  ok  ${message}`);
}

async function step<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  console.log(`\n== ${name}`);
  const at = Date.now();
  const result = await run();
  timings.push([name, (Date.now() - at) / 1000]);
  return result;
}

/** Lints every Dockerfile; returns the one Node version they all build and run on. */
function lint(): string {
  const versions = new Set<string>();
  for (const path of Object.values(dockerfiles)) {
    const text = readFileSync(join(root, path), "utf8");
    const findings = lintDockerfile(text);
    for (const f of findings) console.log(`  ${path}:${f.line} [${f.rule}] ${f.message}`);
    check(findings.length === 0, `${path} passes the Dockerfile rules`);
    const { globalArgs, stages } = parseDockerfile(text);
    versions.add(globalArgs.NODE_VERSION ?? "");
    check(
      stages[0]?.from === `node:${globalArgs.NODE_VERSION}-trixie-slim`,
      `${path} builds on ${stages[0]?.from}`,
    );
  }
  const [version = ""] = versions;
  check(versions.size === 1, `one Node version for every image (${[...versions].join(", ")})`);
  // Even majors are the lines that become LTS; 20 reached its end of life on 2026-04-30.
  const major = Number(version.split(".")[0]);
  check(major >= 22 && major % 2 === 0, `Node ${version} is a supported LTS line`);
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
    packages: Record<string, { version?: string }>;
  };
  const turbo = lock.packages["node_modules/turbo"]?.version;
  for (const path of Object.values(dockerfiles)) {
    check(
      readFileSync(join(root, path), "utf8").includes(`turbo@${turbo} prune`),
      `${path} prunes with the lockfile's turbo (${turbo})`,
    );
  }
  return version;
}

/**
 * The base images' Node on this machine: ours when it is that version, else fetched (and cached). Like
 * /usr/local/bin/node in the image, the copy the replay uses is readable by the image's user (the
 * cache may be under a home directory it cannot enter); its headers stay where they are, for RUN steps.
 */
function baseImageNode(version: string, workDir: string): string {
  const bin = fetchNode(version, (line) => console.log(`  ${line}`));
  const base = join(workDir, "base-node");
  mkdirSync(join(base, "bin"), { recursive: true, mode: 0o755 });
  copyFileSync(join(bin, "node"), join(base, "bin/node"));
  chmodSync(join(base, "bin/node"), 0o755);
  const headers = join(dirname(bin), "include");
  if (existsSync(headers)) symlinkSync(headers, join(base, "include"));
  const reported = execFileSync(join(base, "bin/node"), ["--version"], {
    encoding: "utf8",
  }).trim();
  check(
    reported === `v${version}`,
    `the replay runs Node ${reported} (this machine: ${process.version})`,
  );
  return join(base, "bin");
}

function build(
  name: keyof typeof dockerfiles,
  workDir: string,
  nodeBin: string,
): Promise<ReplayedImage> {
  return replayBuild({
    dockerfile: join(root, dockerfiles[name]),
    context: root,
    workDir: join(workDir, name),
    nodeBin,
    // The npm cache stands in for the registry: installs work offline and fast when it is warm.
    buildEnv: { npm_config_prefer_offline: "true", npm_config_update_notifier: "false" },
    applyOwnership: runsAsImageUser(),
    log: (line) => console.log(`  ${line}`),
  });
}

function inspect(name: string, image: ReplayedImage) {
  const tree = summarizeTree(image.root);
  check(
    tree.forbidden.length === 0,
    `${name}: no keys, .env, .npmrc, .git or data in the image (${tree.forbidden.join(", ") || "none"})`,
  );
  check(
    image.user !== undefined && image.user.uid !== 0,
    `${name}: runs as uid ${image.user?.uid}`,
  );
  check(
    image.healthcheck !== undefined,
    `${name}: has a HEALTHCHECK (${image.healthcheck?.join(" ")})`,
  );
  console.log(
    `  ${name} image adds ${megabytes(tree.bytes)} in ${tree.files} files to the base image`,
  );
  return tree;
}

const secrets = () => ({
  SECRET_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  ADMIN_TOKEN: randomBytes(24).toString("hex"),
});

/** The Node a container runs is the base image's: `node --version` inside it. */
async function runsOn(name: string, container: Container, version: string) {
  const { output } = await container.exec(["node", "--version"]);
  check(output.trim() === `v${version}`, `${name} runs on Node ${output.trim()}`);
}

/** The pages, assets and proxy every web front (web image, one-service image) serves at `url`. */
async function servesTheProduct(name: string, url: string) {
  const home = await get(`${url}/`);
  check(home.type.includes("text/html") && home.body.includes("<html"), `${name} / renders HTML`);
  const chat = await get(`${url}/chat/demo_clinic`);
  check(chat.status === 200 && chat.body.includes("<html"), `${name} /chat/demo_clinic renders`);
  const asset = /\/_next\/static\/[^"'\s]+\.(?:js|css)/.exec(home.body)?.[0];
  check(
    asset && (await get(`${url}${asset}`)).status === 200,
    `${name} serves its static assets (${asset})`,
  );
  check((await get(`${url}/widget.js`)).status === 200, `${name} serves public/ (widget.js)`);
  const own = await get(`${url}/health/web`);
  check(
    own.status === 200 && own.body.includes('"service":"web"'),
    `${name} /health/web: ${own.body}`,
  );
  const health = await get(`${url}/health`);
  check(
    health.status === 200 && health.body.includes("healthy"),
    `${name} proxies /health to the API`,
  );
  const live = await get(`${url}/health/live`);
  check(
    live.status === 200 && live.body.includes("alive"),
    `${name} proxies /health/live to the API`,
  );
  const cards = await get(`${url}/trpc/agents.cards`);
  check(
    cards.status === 200 && cards.body.includes("demo_clinic"),
    `${name} proxies /trpc to the API`,
  );
  check(
    (await upgradeStatus(`${url}/trpc`)) === 101,
    `${name} proxies WebSocket upgrades on /trpc`,
  );
}

async function startApi(image: ReplayedImage, version: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = startContainer(image, {
    PORT: String(port),
    APP_URL: "https://crm.example.com",
    DYNAMODB_MODE: "embedded",
    ...secrets(),
  });
  await waitForHttp(api, `${url}/health`, (status) => status === 200);
  const health = await get(`${url}/health`);
  check(
    /"status":"healthy"/.test(health.body) && /"environment":"production"/.test(health.body),
    `api /health: ${health.body}`,
  );
  const live = await get(`${url}/health/live`);
  check(
    live.status === 200 && /"status":"alive"/.test(live.body),
    `api /health/live: ${live.body}`,
  );
  const cards = await get(`${url}/trpc/agents.cards`);
  check(
    cards.status === 200 && cards.body.includes("demo_clinic"),
    "api answers tRPC from its embedded database (dynalite's native LevelDB binding loads)",
  );
  const probe = await api.exec(image.healthcheck ?? [], { PORT: String(port) });
  check(probe.code === 0, `api HEALTHCHECK exits 0 ${probe.output.trim()}`);
  check(/"message":"API listening"/.test(api.output()), "api logs JSON in production");
  await runsOn("api", api, version);
  return { api, url };
}

async function startWeb(image: ReplayedImage, apiUrl: string, version: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const web = startContainer(image, { PORT: String(port), API_INTERNAL_URL: apiUrl });
  await waitForHttp(web, `${url}/`, (status) => status === 200);
  await servesTheProduct("web", url);
  const probe = await web.exec(image.healthcheck ?? [], { PORT: String(port) });
  check(probe.code === 0, "web HEALTHCHECK exits 0");
  await runsOn("web", web, version);
  return { web, url, port };
}

/** Without the API's address the web image stops at once, saying which variable to set and to what. */
async function webRefusal(image: ReplayedImage) {
  const web = startContainer(image, { PORT: String(await freePort()) });
  const code = await web.exited;
  const reason = web.errors().trim();
  check(
    code === 1 &&
      !reason.includes("\n") &&
      /^Invalid environment: API_INTERNAL_URL is required in production/.test(reason) &&
      reason.includes("RAILWAY_PRIVATE_DOMAIN"),
    `web refuses to start without API_INTERNAL_URL: ${reason}`,
  );
}

/** The one-service image: the web server on PORT in front of the API, one container, one port. */
async function oneService(image: ReplayedImage, version: string, dataRoot: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { PORT: String(port), API_PORT: String(await freePort()) };
  const one = startContainer(image, {
    ...env,
    APP_URL: "https://crm.example.com",
    DYNAMODB_MODE: "embedded",
    ...secrets(),
  });
  await waitForHttp(one, `${url}/health`, (status) => status === 200, 180_000);
  const health = await get(`${url}/health`);
  check(/"environment":"production"/.test(health.body), `one-service /health: ${health.body}`);
  await servesTheProduct("one-service", url);
  const probe = await one.exec(image.healthcheck ?? [], env);
  check(probe.code === 0, `one-service HEALTHCHECK exits 0 ${probe.output.trim()}`);
  await runsOn("one-service", one, version);
  check(/\[one-service\] ready/.test(one.output()), "one-service says it is ready");
  check((await one.stop()) === 0, "one-service stops both processes cleanly on SIGTERM");

  mkdirSync(dataRoot);
  if (runsAsImageUser() && image.user) chownSync(dataRoot, image.user.uid, image.user.gid);
  const refused = startContainer(image, {
    PORT: String(await freePort()),
    APP_URL: "https://crm.example.com",
    DYNAMODB_MODE: "embedded",
    DATA_DIR: dataRoot,
    ADMIN_TOKEN: secrets().ADMIN_TOKEN,
  });
  const code = await refused.exited;
  const errors = refused.errors();
  check(
    code === 1 &&
      /^Invalid environment: SECRET_ENCRYPTION_KEY is required in production/m.test(errors) &&
      /\[one-service\] api did not start/.test(errors),
    `one-service stops on the API's refusal: ${errors.trim().split("\n").join(" | ")}`,
  );
}

/** Each unsafe production setting stops the API image with exit 1 and one line saying why. */
async function refusals(image: ReplayedImage, dataRoot: string) {
  mkdirSync(dataRoot);
  if (runsAsImageUser() && image.user) chownSync(dataRoot, image.user.uid, image.user.gid);
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      "no SECRET_ENCRYPTION_KEY",
      { ADMIN_TOKEN: secrets().ADMIN_TOKEN },
      /^Invalid environment: SECRET_ENCRYPTION_KEY is required in production/,
    ],
    [
      "no APP_URL",
      { ...secrets(), APP_URL: "" },
      /^Invalid environment: APP_URL is required in production/,
    ],
    [
      "CORS_ORIGINS=* with credentials",
      { ...secrets(), CORS_ORIGINS: "*" },
      /^Invalid environment: CORS_ORIGINS "\*" cannot be combined with credentials/,
    ],
    [
      "an open admin API",
      { SECRET_ENCRYPTION_KEY: secrets().SECRET_ENCRYPTION_KEY },
      /^Refusing to start in production with an open admin API/,
    ],
    [
      "the embedded database by default (no AWS credentials)",
      { ...secrets(), DYNAMODB_MODE: "" },
      /^Refusing to start in production on the embedded database by default/,
    ],
  ];
  for (const [i, [label, env, expected]] of cases.entries()) {
    const dataDir = join(dataRoot, `refusal-${i}`);
    const container = startContainer(image, {
      PORT: String(await freePort()),
      APP_URL: "https://crm.example.com",
      DYNAMODB_MODE: "embedded",
      DATA_DIR: dataDir,
      ...env,
    });
    const code = await container.exited;
    const reason = container.errors().trim();
    check(
      code === 1 && !reason.includes("\n") && expected.test(reason),
      `refuses ${label}: ${reason}`,
    );
  }
}

async function stop(name: string, container: Container) {
  check((await container.stop()) === 0, `${name} stops cleanly on SIGTERM`);
}

async function main() {
  const workDir = mkdtempSync(join(tmpdir(), "images-check-"));
  // The images' users must be able to reach their files, as in a container's root filesystem.
  chmodSync(workDir, 0o755);
  let running: [string, Container][] = [];
  try {
    const version = await step("lint Dockerfiles", lint);
    const nodeBin = await step(`the base images' Node ${version}`, () =>
      baseImageNode(version, workDir),
    );
    const apiImage = await step("replay apps/api/Dockerfile", () => build("api", workDir, nodeBin));
    const webImage = await step("replay apps/web/Dockerfile", () => build("web", workDir, nodeBin));
    const oneImage = await step("replay Dockerfile (one service)", () =>
      build("one", workDir, nodeBin),
    );
    const apiTree = await step("inspect the final stages", () => {
      const tree = inspect("api", apiImage);
      inspect("web", webImage);
      inspect("one-service", oneImage);
      return tree;
    });
    const { api, url: apiUrl } = await step("start the API image", () =>
      startApi(apiImage, version),
    );
    running.push(["api", api]);
    const { web, url: webUrl } = await step("start the web image", () =>
      startWeb(webImage, apiUrl, version),
    );
    running.push(["web", web]);
    await step("production refusals", async () => {
      await refusals(apiImage, join(workDir, "refusals"));
      await webRefusal(webImage);
    });
    await step("stop", async () => {
      await stop("api", api);
      const probe = await web.exec(webImage.healthcheck ?? []);
      check(probe.code === 0, `web stays healthy while the API is down ${probe.output.trim()}`);
      const own = await get(`${webUrl}/health/web`);
      const proxied = await get(`${webUrl}/health`);
      check(
        own.status === 200 && proxied.status === 502,
        `with the API down, web /health/web answers ${own.status} and the proxied /health ${proxied.status}`,
      );
      await stop("web", web);
      running = [];
    });
    await step("start the one-service image", () =>
      oneService(oneImage, version, join(workDir, "one-service-refusal")),
    );
    console.log(
      `\napi payload ${megabytes(apiTree.bytes)}; ${runsAsImageUser() ? "containers ran as their USER" : "not root: containers ran as this user"}`,
    );
  } finally {
    for (const [, container] of running) await container.stop();
    if (keep) console.log(`kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
  console.log("\nstep                               seconds");
  for (const [name, seconds] of timings)
    console.log(`${name.padEnd(34)} ${seconds.toFixed(1).padStart(7)}`);
  console.log(`${"total".padEnd(34)} ${((Date.now() - started) / 1000).toFixed(1).padStart(7)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
