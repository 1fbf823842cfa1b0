import { createTRPCClient, createWSClient, wsLink, type TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppRouter } from "../src/router";
import { createAgent, waitUntil } from "./helpers/chat-kit";
import { startTestApi, type TestApi } from "./helpers/test-api";

// A subscription costs one rate-limit token when it starts and can stream for ever: hundreds of them
// kept a core busy. How many may be open at once is limited per connection and per client address.
const ADMIN_TOKEN = "limits-admin-token-0123456789abcdef";
const PER_CONNECTION = 10;
let roomy: TestApi;
let tight: TestApi;
const clients: { close(): Promise<void> | void }[] = [];

beforeAll(async () => {
  roomy = await startTestApi({ ADMIN_TOKEN });
  tight = await startTestApi({ ADMIN_TOKEN, SUBSCRIPTIONS_PER_ADDRESS: "4", TRUST_PROXY: "1" });
  await createAgent(roomy.deps, "dr_limits");
});

afterAll(async () => {
  for (const client of clients) await client.close();
  await roomy.close();
  await tight.close();
});

function connect(t: TestApi, options: { from?: string; token?: string } = {}) {
  const headers = options.from ? { "x-forwarded-for": options.from } : {};
  const Socket = class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
  const client = createWSClient({
    url: t.wsUrl,
    WebSocket: Socket as unknown as typeof globalThis.WebSocket,
    ...(options.token ? { connectionParams: { token: options.token } } : {}),
  });
  clients.push(client);
  return {
    client,
    trpc: createTRPCClient<AppRouter>({ links: [wsLink({ client, transformer: superjson })] }),
  };
}

type Outcome = { started: true; stop(): void } | { started: false; code: string; message: string };

/** Opens a quiet heartbeat subscription and reports whether it started or how it was refused. */
function heartbeat(trpc: ReturnType<typeof connect>["trpc"]): Promise<Outcome> {
  return new Promise((resolve) => {
    const subscription = trpc.system.onStatus.subscribe(
      { intervalMs: 60_000 },
      {
        onData: () => resolve({ started: true, stop: () => subscription.unsubscribe() }),
        onError: (error: TRPCClientError<AppRouter>) =>
          resolve({ started: false, code: String(error.data?.code), message: error.message }),
      },
    );
  });
}

const openCount = (t: TestApi) => t.deps.subscriptionSlots.count();

describe("live subscriptions on one connection", () => {
  it("refuses the one past the limit with TOO_MANY_REQUESTS naming it, and frees a slot when one stops", async () => {
    const { trpc } = connect(roomy);
    const open: Outcome[] = [];
    for (let i = 0; i < PER_CONNECTION; i++) open.push(await heartbeat(trpc));
    expect(open.every((o) => o.started)).toBe(true);

    const refused = await heartbeat(trpc);
    expect(refused).toMatchObject({ started: false, code: "TOO_MANY_REQUESTS" });
    expect(refused.started ? "" : refused.message).toMatch(/at most 10 .*per connection/);

    // Another connection from the same address is not affected.
    const other = await heartbeat(connect(roomy).trpc);
    expect(other.started).toBe(true);

    const first = open[0];
    if (first?.started) first.stop();
    await waitUntil(() => openCount(roomy) === PER_CONNECTION);
    expect((await heartbeat(trpc)).started).toBe(true);
  });

  it("leaves no listener and no slot behind: refused, stopped and closed subscriptions alike", async () => {
    for (const c of clients.splice(0)) await c.close();
    await waitUntil(() => openCount(roomy) === 0);
    const { client, trpc } = connect(roomy, { token: ADMIN_TOKEN });
    const started: Promise<string>[] = [];
    const refusals: string[] = [];
    for (let i = 0; i < PER_CONNECTION + 2; i++) {
      started.push(
        new Promise((resolve) => {
          trpc.admin.onEvent.subscribe(undefined, {
            onStarted: () => resolve("started"),
            onError: (error) => {
              refusals.push(String(error.data?.code));
              resolve("refused");
            },
          });
        }),
      );
    }
    await Promise.all(started);
    await waitUntil(() => roomy.deps.hub.listenerCount() === PER_CONNECTION);
    await waitUntil(() => refusals.length === 2);
    expect(refusals).toEqual(["TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
    expect(openCount(roomy)).toBe(PER_CONNECTION);

    await client.close();
    await waitUntil(() => roomy.deps.hub.listenerCount() === 0 && openCount(roomy) === 0);
  });

  it("frees the slot of a subscription that ends by itself (a failed one here)", async () => {
    const { client, trpc } = connect(roomy);
    const chat = await trpc.chat.start.mutate({ agentId: "dr_limits" });
    const codes: string[] = [];
    for (let i = 0; i < PER_CONNECTION + 5; i++) {
      codes.push(
        await new Promise<string>((resolve) => {
          trpc.chat.onEvent.subscribe(
            { ...chat, token: "not-the-token-of-this-chat" },
            { onError: (error) => resolve(String(error.data?.code)) },
          );
        }),
      );
    }
    expect(new Set(codes)).toEqual(new Set(["NOT_FOUND"]));
    expect(openCount(roomy)).toBe(0);
    expect(roomy.deps.hub.listenerCount()).toBe(0);
    await client.close();
  });
});

describe("what one subscription may cost", () => {
  it("refuses a heartbeat faster than once a second, naming intervalMs", async () => {
    const { trpc } = connect(roomy);
    const error = await new Promise<TRPCClientError<AppRouter> | "streamed">((resolve) => {
      const subscription = trpc.system.onStatus.subscribe(
        { intervalMs: 100 },
        {
          onData: () => {
            subscription.unsubscribe();
            resolve("streamed");
          },
          onError: resolve,
        },
      );
    });
    if (error === "streamed") throw new Error("a heartbeat every 100 ms was served");
    expect(error.data?.code).toBe("BAD_REQUEST");
    const issues = error.data?.issues ?? [];
    expect(issues.map((issue) => issue.path)).toEqual(["intervalMs"]);
    expect(issues[0]?.message).toMatch(/1000/);
  });
});

describe("live subscriptions from one address", () => {
  it("are limited across connections, and other addresses are unaffected", async () => {
    const attacker = "203.0.113.7";
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 3; i++) {
      const { trpc } = connect(tight, { from: attacker });
      outcomes.push(await heartbeat(trpc), await heartbeat(trpc));
    }
    expect(outcomes.map((o) => o.started)).toEqual([true, true, true, true, false, false]);
    const refused = outcomes[4];
    expect(refused).toMatchObject({ started: false, code: "TOO_MANY_REQUESTS" });
    expect(refused?.started ? "" : refused?.message).toMatch(/at most 4 .*address/);

    expect((await heartbeat(connect(tight, { from: "198.51.100.9" }).trpc)).started).toBe(true);
  });

  it("counts subscriptions over HTTP (server-sent events) too", async () => {
    // The four heartbeats of 203.0.113.7 from the test above are still open.
    const input = encodeURIComponent(JSON.stringify({ json: { intervalMs: 60_000 } }));
    const res = await fetch(`${tight.url}/trpc/system.onStatus?input=${input}`, {
      headers: { accept: "text/event-stream", "x-forwarded-for": "203.0.113.7" },
    });
    const text = await res.text();
    expect(text).toContain("event: serialized-error");
    expect(text).toContain('"code":"TOO_MANY_REQUESTS"');
    expect(text).toContain("at most 4 are open from one address");
    expect(text).not.toContain("serverTime");
  });
});
