import { describe, expect, it } from "vitest";
import { agentDocument } from "./helpers/chat-kit";
import {
  ENVELOPE_PATHS,
  inputsFor,
  paths,
  procedures,
  ROLES,
  WALK_TIMEOUT_MS,
  serverFault,
  useHostileApi,
  type Role,
} from "./helpers/hostile-api";
import { BAD_ENVELOPES, type HostileInput } from "./helpers/hostile-inputs";

/**
 * Walks the live router like the access test, so a procedure added later is fuzzed the day it exists:
 * every procedure gets the malformed inputs of helpers/hostile-inputs.ts over HTTP, as a stranger, an
 * operator and an admin. Every answer must be a 2xx or a 4xx with a JSON error, nothing may be logged as
 * failed, and /health must still answer. (hostile-inputs-ws.test.ts does the same over WebSocket.)
 */
const api = useHostileApi();

const MAX_BATCH_BODY = 40_000;
const MAX_BATCH_QUERY = 10_000;

/** Sends `inputs` to `path` in one request: a tRPC batch (`?batch=1`) unless there is only one. */
async function send(role: Role, path: string, inputs: HostileInput[]): Promise<Response> {
  const batch = inputs.length > 1;
  const wire = batch
    ? Object.fromEntries(inputs.map((input, i) => [i, input.wire]))
    : inputs[0]?.wire;
  const url = `${api.t.url}/trpc/${batch ? inputs.map(() => path).join(",") : path}`;
  const query = batch ? "?batch=1" : "";
  const headers = { cookie: api.cookie[role] };
  if (procedures[path]?._def.type === "mutation") {
    return fetch(`${url}${query}`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: wire === undefined ? undefined : JSON.stringify(wire),
    });
  }
  const input = wire === undefined ? "" : `input=${encodeURIComponent(JSON.stringify(wire))}`;
  return fetch(`${url}${query}${query && input ? "&" : input ? "?" : ""}${input}`, { headers });
}

/** Inputs grouped into batches small enough for one request; subscriptions cannot be batched. */
function batchesOf(path: string, inputs: HostileInput[]): HostileInput[][] {
  const type = procedures[path]?._def.type;
  if (type === "subscription") return inputs.map((input) => [input]);
  const limit = type === "mutation" ? MAX_BATCH_BODY : MAX_BATCH_QUERY;
  const sizeOf = (input: HostileInput) =>
    encodeURIComponent(JSON.stringify(input.wire ?? null)).length + path.length;
  const batches: HostileInput[][] = [];
  let current: HostileInput[] = [];
  let size = 0;
  for (const input of inputs) {
    if (size + sizeOf(input) > limit && current.length > 0) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(input);
    size += sizeOf(input);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

async function faultOf(res: Response): Promise<string | null> {
  if (res.status >= 500) return `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`;
  // A query too long for the request line is refused by Node's header limit, without a body.
  if (res.status === 431) return null;
  if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
    // A subscription that started: its first event must not be a server fault, then hang up.
    const reader = res.body?.getReader();
    const first = (await reader?.read()) as { value?: Uint8Array } | undefined;
    await reader?.cancel();
    const text = new TextDecoder().decode(first?.value);
    return text.includes('"httpStatus":5') ? text.slice(0, 200) : null;
  }
  const text = await res.text();
  try {
    return serverFault(JSON.parse(text));
  } catch {
    return `HTTP ${res.status} without a JSON body: ${text.slice(0, 80)}`;
  }
}

async function faultsOf(
  role: Role,
  path: string,
  inputs: HostileInput[],
  options: { batch: boolean } = { batch: true },
): Promise<string[]> {
  // One input that fails to deserialize fails its whole batch: such inputs go one per request.
  const batches = options.batch ? batchesOf(path, inputs) : inputs.map((input) => [input]);
  const faults = await Promise.all(
    batches.map(async (batch) => faultOf(await send(role, path, batch))),
  );
  return faults.flatMap((fault, i) =>
    fault
      ? [`${role} ${path}, ${batches[i]?.map((input) => input.name).join(" / ")}: ${fault}`]
      : [],
  );
}

describe("hostile inputs to every procedure over HTTP", () => {
  it("covers the whole router", () => {
    expect(paths.length).toBeGreaterThan(40);
    expect(inputsFor("admin", "users.update").length).toBeGreaterThan(20);
  });

  it.each(ROLES)(
    "as %s: only 2xx and 4xx answers with JSON errors",
    async (role) => {
      const problems: string[] = [];
      for (const path of paths) {
        problems.push(...(await faultsOf(role, path, inputsFor(role, path))));
      }
      expect(problems).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );

  it.each(ROLES)("as %s: forged superjson envelopes are refused as bad input", async (role) => {
    const problems: string[] = [];
    for (const path of ENVELOPE_PATHS) {
      problems.push(...(await faultsOf(role, path, BAD_ENVELOPES, { batch: false })));
    }
    expect(problems).toEqual([]);
  });

  it("batches mixing procedures, access levels and types get 4xx answers only", async () => {
    const garbage = JSON.stringify({
      0: { json: 1 },
      1: { json: { userId: "\ud800" } },
      2: { json: [] },
    });
    const batches = [
      ["POST", "/trpc/auth.login,users.update,chat.start?batch=1", garbage],
      ["POST", "/trpc/auth.me,auth.login?batch=1", garbage],
      ["POST", "/trpc/chat.onEvent,chat.send?batch=1", garbage],
      ["POST", "/trpc/auth.login?batch=1", '"not an object"'],
      ["POST", "/trpc/nope,__proto__,constructor,agents,toString?batch=1", "{}"],
      [
        "GET",
        `/trpc/auth.me,users.list,conversations.list?batch=1&input=${encodeURIComponent(garbage)}`,
      ],
      ["GET", `/trpc/${"auth.me,".repeat(500)}auth.me?batch=1`],
      ["GET", "/trpc/__proto__"],
      ["GET", "/trpc/"],
      ["GET", "/trpc/%E0%A4%A"],
      ["POST", "/trpc/chat.start,%E0%A4%A?batch=1", garbage],
    ] as const;
    const problems: string[] = [];
    for (const role of ROLES) {
      for (const [method, path, body] of batches) {
        const res = await fetch(`${api.t.url}${path}`, {
          method,
          headers: { cookie: api.cookie[role], "content-type": "application/json" },
          body: method === "POST" ? body : undefined,
        });
        const text = await res.text();
        const fault = res.status >= 500 ? `HTTP ${res.status}` : serverFault(JSON.parse(text));
        if (fault)
          problems.push(`${role} ${method} ${path.slice(0, 60)}: ${fault} ${text.slice(0, 120)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("an agent document too large for one DynamoDB item is a 400 naming config", async () => {
    const config = agentDocument("too_big", {
      rag: {
        enabled: true,
        sources: [{ id: "faq", title: "FAQ", type: "text", content: "x".repeat(500_000) }],
      },
    });
    const res = await fetch(`${api.t.url}/trpc/agents.create`, {
      method: "POST",
      headers: { cookie: await api.signIn("admin"), "content-type": "application/json" },
      body: JSON.stringify({ json: { agentId: "too_big", config } }),
    });
    const body = (await res.json()) as {
      error: { json: { data: { issues: { path: string; message: string }[] } } };
    };
    expect(res.status).toBe(400);
    const issues = body.error.json.data.issues;
    expect(issues.map((issue) => issue.path)).toEqual(["config"]);
    expect(issues[0]?.message).toMatch(/^is 48\d(\.\d)? KB; at most 350 KB can be stored/);
  });

  it("leaves the server healthy with nothing logged as failed", async () => {
    expect((await fetch(`${api.t.url}/health`)).status).toBe(200);
    expect(api.failures).toEqual([]);
  });
});
