// The agents-crm CLI as a process against the embedded database persisted in a temporary DATA_DIR.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseServerEnv } from "@agents-crm/config/env";
import { createRepositories, openDatabaseFromEnv } from "@agents-crm/db";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../src/auth/password";
import { agentDocument } from "./helpers/chat-kit";
import { runAgentsCrm } from "./helpers/cli-process";

const dataDir = mkdtempSync(join(tmpdir(), "agents-crm-cli-"));
const env = { DATA_DIR: dataDir };
const cli = (...args: string[]) => runAgentsCrm(args, env);

/** Between two commands, as the API would between restarts: the database opens in one process. */
async function withRepos<T>(use: (repos: ReturnType<typeof createRepositories>) => Promise<T>) {
  const db = await openDatabaseFromEnv(parseServerEnv({ DATA_DIR: dataDir }));
  try {
    return await use(createRepositories(db));
  } finally {
    await db.close();
  }
}

// Each command is a process that loads the API (seconds on a busy machine).
const SLOW = { timeout: 300_000 };

const passwordOf = (stdout: string) => /password(?: for \S+)?: (\S+)/.exec(stdout)?.[1] ?? "";

describe("agents-crm", () => {
  it(
    "lists its commands, shows each one's help and refuses a wrong call with exit code 2",
    SLOW,
    async () => {
      const overview = await cli("--help");
      expect(overview.code).toBe(0);
      for (const name of [
        "create-owner",
        "reset-password",
        "export-agent",
        "import-agent",
        "provision",
        "migrate",
        "replay-dead-letters",
        "search-backfill",
        "normalize-phones",
      ]) {
        expect(overview.stdout).toContain(name);
      }
      const help = await cli("create-owner", "--help");
      expect(help).toMatchObject({ code: 0 });
      expect(help.stdout).toMatch(/^Usage: agents-crm create-owner --email/);

      const unknown = await cli("launch-rockets");
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('unknown command "launch-rockets"');
      const missing = await cli("create-owner", "--name", "Maria");
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("--email is required");
      const stray = await cli("reset-password", "--emial", "a@b.c");
      expect(stray.code).toBe(2);
      expect(stray.stderr).toMatch(/Unknown option '--emial'/);
      expect((await cli("migrate", "--fast")).code).toBe(2);
    },
  );

  it(
    "provisions the tables, dry-runs a migration, backfills the search index and dry-runs the phone migration",
    SLOW,
    async () => {
      const first = await cli("provision");
      expect(first.code).toBe(0);
      expect(first.stdout).toContain("provisioning DynamoDB tables (embedded)");
      const backfill = await cli("search-backfill");
      expect(backfill).toMatchObject({ code: 0 });
      expect(backfill.stdout).toMatch(/indexed 0 conversations/);
      const dry = await cli("migrate", "--dry-run");
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain("dry run: nothing is written");
      const phones = await cli("normalize-phones", "--dry-run");
      expect(phones).toMatchObject({ code: 0 });
      expect(phones.stdout).toMatch(/contacts read: would normalize 0 phones, 0 left for staff/);
    },
  );

  it("creates an owner whose printed password signs in, then resets it", SLOW, async () => {
    const created = await cli("create-owner", "--email", "Maria@Clinic.example", "--name", "Maria");
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("created owner maria@clinic.example");
    const first = passwordOf(created.stdout);
    const again = await cli("create-owner", "--email", "maria@clinic.example", "--name", "M");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("CONFLICT");

    const reset = await cli("reset-password", "--email", "maria@clinic.example");
    expect(reset.code).toBe(0);
    const second = passwordOf(reset.stdout);
    expect(second).not.toBe(first);
    await withRepos(async (repos) => {
      const user = await repos.adminUsers.getCredentials("maria@clinic.example");
      expect(user?.role).toBe("owner");
      expect(await verifyPassword(second, user?.passwordHash ?? "")).toBe(true);
      expect(await verifyPassword(first, user?.passwordHash ?? "")).toBe(false);
      const audit = await repos.audit.list({ limit: 10 });
      expect(audit.items.map((e) => e.action)).toEqual(
        expect.arrayContaining(["users.reset_password"]),
      );
    });
    const nobody = await cli("reset-password", "--email", "nobody@clinic.example");
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain("no account has the e-mail nobody@clinic.example");
  });

  it(
    "imports an agent from its document, refuses to replace it without --overwrite, and exports it back",
    SLOW,
    async () => {
      const file = join(dataDir, "north.json");
      writeFileSync(file, JSON.stringify(agentDocument("north_clinic")));
      const imported = await cli("import-agent", file);
      expect(imported).toMatchObject({ code: 0, stdout: "created agent north_clinic\n" });
      const twice = await cli("import-agent", file);
      expect(twice.code).toBe(1);
      expect(twice.stderr).toMatch(/CONFLICT|exists/);
      expect((await cli("import-agent", file, "--overwrite")).stdout).toContain("replaced agent");

      const yamlFile = join(dataDir, "north.yaml");
      const exported = await cli("export-agent", "north_clinic", "--out", yamlFile);
      expect(exported.code).toBe(0);
      expect(parse(readFileSync(yamlFile, "utf8"))).toMatchObject(agentDocument("north_clinic"));

      const broken = join(dataDir, "broken.yaml");
      writeFileSync(broken, "agent_id: broken_clinic\nprofile: not a profile\n");
      const refused = await cli("import-agent", broken);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("profile");
      expect((await cli("export-agent", "north_clinic", "--format", "toml")).code).toBe(2);
      expect((await cli("import-agent", join(dataDir, "missing.yaml"))).stderr).toContain("ENOENT");
    },
  );

  it(
    "replays dead letters (a dry run only lists them) and says when there are none",
    SLOW,
    async () => {
      const eventKey = await withRepos(async (repos) => {
        const { eventKey } = await repos.inboundEvents.record({
          platform: "telegram",
          scope: "bot-1",
          externalId: "update-1",
          orderKey: "bot-1#user-1",
          orderSort: 1,
          payload: { note: "kept failing" },
          lease: { owner: "worker-1", leaseMs: 60_000 },
        });
        await repos.inboundEvents.fail(eventKey, "worker-1", {
          error: "the bot token was revoked",
          maxAttempts: 1,
          backoff: { baseMs: 1_000 },
        });
        return eventKey;
      });
      const dry = await cli("replay-dead-letters", "--dry-run");
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain(`dead     ${eventKey} telegram inbound`);
      expect(dry.stdout).toContain("the bot token was revoked");
      expect((await withRepos((r) => r.inboundEvents.get(eventKey)))?.status).toBe("dead");

      const replayed = await cli("replay-dead-letters", "--event", eventKey);
      expect(replayed.code).toBe(0);
      expect(replayed.stdout).toContain(`replayed ${eventKey}`);
      expect((await withRepos((r) => r.inboundEvents.get(eventKey)))?.status).toBe("pending");
      const none = await cli("replay-dead-letters");
      expect(none.stderr).toContain("0 dead letter(s)");
    },
  );
});
