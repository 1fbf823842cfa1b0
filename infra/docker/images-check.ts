// `npm run images:check`: proves apps/api/Dockerfile and apps/web/Dockerfile without Docker (no base
// image can be pulled here). It lints both files, replays every stage the final one needs in a clean
// temporary directory (the same prune / install / build commands, with this machine's Node and npm
// cache standing in for the base image), then starts each final stage's CMD as its USER with only the
// image's ENV, and checks /health, the HEALTHCHECK command, the web pages and the proxy, and the
// production refusals. `--keep` leaves the temporary directory for inspection.
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDockerfile } from "./dockerfile";
import { lintDockerfile } from "./dockerfile-lint";
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
const dockerfiles = { api: "apps/api/Dockerfile", web: "apps/web/Dockerfile" } as const;

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

function lint() {
  for (const [name, path] of Object.entries(dockerfiles)) {
    const text = readFileSync(join(root, path), "utf8");
    const findings = lintDockerfile(text);
    for (const f of findings) console.log(`  ${path}:${f.line} [${f.rule}] ${f.message}`);
    check(findings.length === 0, `${path} passes the Dockerfile rules`);
    const nodeVersion = parseDockerfile(text).globalArgs.NODE_VERSION;
    if (nodeVersion !== process.versions.node) {
      console.log(
        `  warn the ${name} image uses Node ${nodeVersion}; this replay runs Node ${process.versions.node}`,
      );
    }
  }
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
}

function build(name: keyof typeof dockerfiles, workDir: string): Promise<ReplayedImage> {
  return replayBuild({
    dockerfile: join(root, dockerfiles[name]),
    context: root,
    workDir: join(workDir, name),
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

async function startApi(image: ReplayedImage) {
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
    "api answers tRPC from its embedded database",
  );
  const probe = await api.exec(image.healthcheck ?? [], { PORT: String(port) });
  check(probe.code === 0, `api HEALTHCHECK exits 0 ${probe.output.trim()}`);
  check(/"message":"API listening"/.test(api.output()), "api logs JSON in production");
  return { api, url };
}

async function startWeb(image: ReplayedImage, apiUrl: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const web = startContainer(image, { PORT: String(port), API_INTERNAL_URL: apiUrl });
  await waitForHttp(web, `${url}/`, (status) => status === 200);
  const home = await get(`${url}/`);
  check(home.type.includes("text/html") && home.body.includes("<html"), "web / renders HTML");
  const chat = await get(`${url}/chat/demo_clinic`);
  check(chat.status === 200 && chat.body.includes("<html"), "web /chat/demo_clinic renders");
  const asset = /\/_next\/static\/[^"'\s]+\.(?:js|css)/.exec(home.body)?.[0];
  check(
    asset && (await get(`${url}${asset}`)).status === 200,
    `web serves its static assets (${asset})`,
  );
  check((await get(`${url}/widget.js`)).status === 200, "web serves public/ (widget.js)");
  const health = await get(`${url}/health`);
  check(health.status === 200 && health.body.includes("healthy"), "web proxies /health to the API");
  const live = await get(`${url}/health/live`);
  check(live.status === 200 && live.body.includes("alive"), "web proxies /health/live to the API");
  const cards = await get(`${url}/trpc/agents.cards`);
  check(cards.status === 200 && cards.body.includes("demo_clinic"), "web proxies /trpc to the API");
  check((await upgradeStatus(`${url}/trpc`)) === 101, "web proxies WebSocket upgrades on /trpc");
  const probe = await web.exec(image.healthcheck ?? [], { PORT: String(port) });
  check(probe.code === 0, "web HEALTHCHECK exits 0");
  return { web, url, port };
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
    await step("lint Dockerfiles", lint);
    const apiImage = await step("replay apps/api/Dockerfile", () => build("api", workDir));
    const webImage = await step("replay apps/web/Dockerfile", () => build("web", workDir));
    const apiTree = await step("inspect the final stages", () => {
      const tree = inspect("api", apiImage);
      inspect("web", webImage);
      return tree;
    });
    const { api, url: apiUrl } = await step("start the API image", () => startApi(apiImage));
    running.push(["api", api]);
    const { web } = await step("start the web image", () => startWeb(webImage, apiUrl));
    running.push(["web", web]);
    await step("production refusals", () => refusals(apiImage, join(workDir, "refusals")));
    await step("stop", async () => {
      await stop("api", api);
      const probe = await web.exec(webImage.healthcheck ?? []);
      check(probe.code === 0, `web stays healthy while the API is down (${probe.output.trim()})`);
      await stop("web", web);
      running = [];
    });
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
