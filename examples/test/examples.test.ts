// Every example as the README runs it, against the real API (HTTP + WebSocket) or an embedded database
// persisted in a temporary DATA_DIR, so none of them rots.
import { once } from "node:events";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAgentsCrmClient } from "@agents-crm/client";
import { parseServerEnv } from "@agents-crm/config/env";
import { createRepositories, openDatabaseFromEnv, provisionTables } from "@agents-crm/db";
import { afterAll, describe, expect, it } from "vitest";
import { createAgent } from "../../apps/api/test/helpers/chat-kit";
import { buildPdf } from "@agents-crm/config/testing/pdf-fixture";
import { useTestApi } from "../../apps/api/test/helpers/test-api";
import { runExample, startExample } from "./run-example";

const TOKEN = "examples-test-admin-token-0123456789";
const api = useTestApi({ ADMIN_TOKEN: TOKEN });
const work = mkdtempSync(join(tmpdir(), "agents-crm-examples-"));
const connection = () => ({ AGENTS_CRM_URL: api().url, ADMIN_TOKEN: TOKEN });
const clients: { close(): Promise<void> }[] = [];
afterAll(() => Promise.all(clients.map((c) => c.close())));

function client() {
  const connected = createAgentsCrmClient({ url: api().url, token: TOKEN });
  clients.push(connected);
  return connected.trpc;
}

/** A web-chat customer's message; sharing a phone number escalates (a booking/contact handoff). */
async function customerWrites(agentId: string, content: string): Promise<string> {
  const trpc = client();
  const chat = await trpc.chat.start.mutate({ agentId });
  await trpc.chat.send.mutate({ conversationId: chat.conversationId, token: chat.token, content });
  return chat.conversationId;
}

const NAMES = [
  "export-day-csv",
  "import-knowledge",
  "forward-escalations",
  "weekly-escalations",
  "create-staff",
];

describe("examples", () => {
  it("each answers --help, and a wrong call with exit code 2 and one line", async () => {
    for (const name of NAMES) {
      const help = await runExample(name, ["--help"]);
      expect(help.code, name).toBe(0);
      expect(help.stdout, name).toContain(`Usage: npx tsx examples/${name}.ts`);
    }
    const noToken = await runExample("export-day-csv", [], { AGENTS_CRM_URL: "http://x" });
    expect(noToken).toMatchObject({ code: 2 });
    expect(noToken.stderr).toContain("give the machine token: --token or ADMIN_TOKEN");
    const badDate = await runExample("export-day-csv", ["--date", "yesterday"], connection());
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("--date must be YYYY-MM-DD");
  });

  it("create-staff creates each valid row and reports the others", async () => {
    const csv = join(work, "staff.csv");
    writeFileSync(
      csv,
      [
        "name,email,role,password",
        "Olga Operator,olga@clinic.example,operator,",
        '"Ivanova, Maria",maria@clinic.example,admin,a long chosen password 7',
        "Nobody,nobody@clinic.example,janitor,",
        "Olga Again,olga@clinic.example,operator,",
      ].join("\n"),
    );
    const result = await runExample("create-staff", [csv], connection());
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe("email,role,password,result");
    expect(lines[1]).toMatch(/^olga@clinic\.example,operator,\S{12,},created$/);
    expect(lines[2]).toBe("maria@clinic.example,admin,,created");
    expect(result.stderr).toContain('line 4: role must be owner, admin or operator, not "janitor"');
    expect(result.stderr).toMatch(/line 5 \(olga@clinic\.example\): .*/);
    expect(result.stderr).toContain("2 of 4 row(s) failed");
    const maria = await api().deps.repos.adminUsers.getByEmail("maria@clinic.example");
    expect(maria).toMatchObject({ name: "Ivanova, Maria", role: "admin" });
  });

  it("import-knowledge adds a folder's texts and PDFs to the library, sub-folders as folders", async () => {
    await createAgent(api().deps, "docs_clinic");
    const dir = join(work, "docs");
    mkdirSync(join(dir, "prices"), { recursive: true });
    writeFileSync(join(dir, "hours.txt"), "We are open Monday to Friday, 9 to 18.");
    writeFileSync(join(dir, "prices", "cleaning.md"), "# Cleaning\nA cleaning costs 80 euros.");
    writeFileSync(join(dir, "prices", "list.pdf"), buildPdf([["Whitening costs 300 euros."]]));
    writeFileSync(join(dir, "notes.xyz"), "not a document");
    const result = await runExample(
      "import-knowledge",
      ["--agent", "docs_clinic", "--folder", "imported", dir],
      connection(),
    );
    expect(result.stderr).toContain("skipped  notes.xyz");
    expect(result.code).toBe(0);
    expect(result.stdout.match(/^added /gm)).toHaveLength(3);
    const listed = await client().knowledge.list.query({ agentId: "docs_clinic" });
    expect(listed.map((d) => [d.folder, d.title]).sort()).toEqual([
      ["imported", "hours"],
      ["imported/prices", "cleaning"],
      ["imported/prices", "list"],
    ]);
    const missing = await runExample(
      "import-knowledge",
      ["--agent", "docs_clinic", join(work, "none")],
      connection(),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read the folder");
  });

  it("export-day-csv writes the day's conversations", async () => {
    await createAgent(api().deps, "csv_clinic");
    const first = await customerWrites("csv_clinic", "What are your opening hours?");
    const second = await customerWrites("csv_clinic", 'Call me on +1 415 555 0142, "urgent", =1+1');
    const out = join(work, "day.csv");
    const today = new Date().toISOString().slice(0, 10);
    const result = await runExample(
      "export-day-csv",
      ["--date", today, "--agent", "csv_clinic", "--out", out],
      connection(),
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`2 conversation(s) of ${today} written`);
    const csv = readFileSync(out, "utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^conversationId,agentId,channel,status,stage,customer/);
    expect(csv).toContain(`${first},csv_clinic,web_chat`);
    expect(csv).toContain(`${second},csv_clinic,web_chat,NEEDS_HUMAN`);
    const earlier = await runExample("export-day-csv", ["--date", "2020-01-01"], connection());
    expect(earlier.stdout.trim().split("\r\n")).toHaveLength(1);
  });

  it("forward-escalations posts each escalation to the webhook and resumes after a restart", async () => {
    await createAgent(api().deps, "hook_clinic");
    const received: Record<string, unknown>[] = [];
    const receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push(JSON.parse(body) as Record<string, unknown>);
        res.writeHead(204).end();
      });
    });
    receiver.listen(0, "127.0.0.1");
    await once(receiver, "listening");
    const { port } = receiver.address() as { port: number };
    const state = join(work, "escalations-state");
    const args = ["--webhook", `http://127.0.0.1:${port}/crm`, "--state", state, "--max", "1"];
    try {
      const running = startExample("forward-escalations", args, connection());
      await waitFor(() => running.stderr().includes("listening for escalations"));
      // The socket subscribes right after that line: give it a moment before the customer writes.
      await new Promise((r) => setTimeout(r, 1_500));
      const escalated = await customerWrites("hook_clinic", "Please call me at +1 415 555 0177");
      const first = await running.done;
      expect(first.code).toBe(0);
      expect(received[0]).toMatchObject({
        conversationId: escalated,
        agentId: "hook_clinic",
        channel: "web_chat",
        type: expect.any(String) as string,
        realert: false,
      });
      expect(String(received[0]?.url)).toContain(`/admin/conversations/${escalated}`);
      const lastId = readFileSync(state, "utf8");
      expect(lastId).not.toBe("");

      // Escalated while the script was stopped: the restart resumes after the state's id.
      const missed = await customerWrites("hook_clinic", "My number is +1 415 555 0188");
      const second = await runExample("forward-escalations", args, connection());
      expect(second.code).toBe(0);
      expect(second.stderr).toContain(`after ${lastId}`);
      expect(received.map((r) => r.conversationId)).toEqual([escalated, missed]);
    } finally {
      receiver.close();
    }
  });

  it("weekly-escalations counts a week's escalations by type from the embedded database", async () => {
    const dataDir = join(work, "data");
    const db = await openDatabaseFromEnv(parseServerEnv({ DATA_DIR: dataDir }));
    try {
      await provisionTables(db);
      const repos = createRepositories(db);
      const escalate = async (type: string | null, agentId: string) => {
        const c = await repos.conversations.create({ agentId, channel: "web_chat" });
        await repos.messages.append({
          conversationId: c.conversationId,
          agentId,
          role: "agent",
          channel: "web_chat",
          content: "A colleague will call you.",
          metadata: type ? { escalation: { type, reason: "test" } } : {},
        });
      };
      await escalate("urgent", "north");
      await escalate("booking", "north");
      await escalate("booking", "south");
      await escalate(null, "south");
    } finally {
      await db.close();
    }
    const result = await runExample("weekly-escalations", ["--json"], { DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      total: 3,
      byType: { booking: 2, urgent: 1 },
      byAgent: { north: 2, south: 1 },
    });
    const text = await runExample("weekly-escalations", [], { DATA_DIR: dataDir });
    expect(text.stdout).toMatch(/booking\s+2\s+67 %/);
    expect(text.stdout).toContain("Busiest agent: north (2)");
  });
});

async function waitFor(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}
