import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { demoAgentDocument } from "@agents-crm/config/agent-config";
import { parseServerEnv } from "@agents-crm/config/env";
import { runEval } from "../eval/run-eval";

const conversations = [
  {
    id: "price",
    language: "en",
    category: "known_answer",
    turns: [
      {
        customer: "How much is a teeth cleaning?",
        expect: { escalation: "none", answers: [["350"]] },
      },
    ],
  },
  {
    id: "phone",
    language: "ru",
    category: "phone",
    turns: [
      { customer: "Мой номер +971 50 123 4567", expect: { escalation: ["contact", "booking"] } },
    ],
  },
];

// A clinic runs the eval on its own agent document and its own conversations.
describe("npm run eval with --agent and --conversations", () => {
  let dir: string;
  const env = parseServerEnv({});
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "eval-files-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("runs a YAML agent document on a YAML conversation set", async () => {
    const agentPath = join(dir, "agent.yaml");
    const setPath = join(dir, "set.yaml");
    await writeFile(agentPath, stringify({ ...demoAgentDocument, agent_id: "lakeside" }));
    await writeFile(setPath, stringify(conversations));
    const report = await runEval({ env, agentPath, conversationsPath: setPath });
    expect(report.agent).toEqual({ id: "lakeside", origin: agentPath });
    expect(report.scores.conversations).toBe(2);
    expect(report.scores.answers).toEqual({ hits: 1, of: 1, rate: 1 });
    expect(report.scores.escalation.perType.contact?.recall.rate).toBe(1);
  });

  it.each([
    ["not YAML at all", "a: [", /is not a conversation set: .+/],
    [
      "a wrong label",
      stringify([
        { ...conversations[0], turns: [{ customer: "hi", expect: { escalation: "maybe" } }] },
      ]),
      /0\.turns\.0\.expect\.escalation/,
    ],
    ["the same id twice", stringify([conversations[0], conversations[0]]), /1\.id: is used twice/],
    ["no conversations", "[]", /is not a conversation set/],
  ])("refuses a conversation set with %s, naming what is wrong", async (_, text, message) => {
    const setPath = join(dir, "bad-set.yaml");
    await writeFile(setPath, text);
    await expect(runEval({ env, conversationsPath: setPath })).rejects.toThrow(message);
  });

  it("refuses an agent document that is not a valid agent, naming the field", async () => {
    const agentPath = join(dir, "bad-agent.yaml");
    await writeFile(agentPath, stringify({ ...demoAgentDocument, agent_id: "no spaces allowed" }));
    await expect(runEval({ env, agentPath })).rejects.toThrow(/is not a valid agent: agent_id/);
  });
});
