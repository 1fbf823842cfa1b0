// @agents-crm/client against the real HTTP + WebSocket server: typed calls with the machine token, live
// escalations resumed by event id, and the API's errors as ApiError.
import {
  ApiError,
  call,
  createAgentsCrmClient,
  escalations as escalationsOf,
  isApiError,
  trpcUrls,
} from "@agents-crm/client";
import { afterEach, describe, expect, it } from "vitest";
import { createAgent } from "./helpers/chat-kit";
import { useTestApi } from "./helpers/test-api";

const TOKEN = "client-package-test-token-0123456789";
const api = useTestApi({ ADMIN_TOKEN: TOKEN });
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

function client(token = TOKEN) {
  const connected = createAgentsCrmClient({ url: api().url, token });
  opened.push(connected);
  return connected.trpc;
}

type Escalated = { id: string; type: string; conversationId: string };

/** Escalation events of the admin feed, from `lastEventId` on, until `count` arrived. */
function escalations(
  trpc: ReturnType<typeof client>,
  count: number,
  lastEventId: string | null = null,
): Promise<Escalated[]> {
  return new Promise((resolve, reject) => {
    const seen: Escalated[] = [];
    const sub = trpc.admin.onEvent.subscribe(
      { lastEventId },
      {
        onData: ({ id, data }) => {
          if (data.type !== "conversation.escalated") return;
          seen.push({
            id,
            type: data.payload.escalationType,
            conversationId: data.payload.conversation.conversationId,
          });
          if (seen.length === count) {
            sub.unsubscribe();
            resolve(seen);
          }
        },
        onError: reject,
      },
    );
  });
}

async function customerShares(phone: string): Promise<string> {
  const trpc = client();
  const chat = await trpc.chat.start.mutate({ agentId: "client_clinic" });
  await trpc.chat.send.mutate({
    conversationId: chat.conversationId,
    token: chat.token,
    content: `Please call me back at ${phone}`,
  });
  return chat.conversationId;
}

describe("@agents-crm/client", () => {
  it("builds the /trpc URLs of a deployment, http and ws", () => {
    expect(trpcUrls("https://crm.example.com/")).toEqual({
      http: "https://crm.example.com/trpc",
      ws: "wss://crm.example.com/trpc",
    });
    expect(trpcUrls("http://127.0.0.1:8000/api")).toEqual({
      http: "http://127.0.0.1:8000/api/trpc",
      ws: "ws://127.0.0.1:8000/api/trpc",
    });
    expect(() => trpcUrls("crm.example.com")).toThrow(/not a URL/);
    expect(() => createAgentsCrmClient({ url: "http://x", token: "" })).toThrow(/ADMIN_TOKEN/);
  });

  it("calls queries and mutations as the machine owner (superjson both ways)", async () => {
    await createAgent(api().deps, "client_clinic");
    const trpc = client();
    const me = await trpc.auth.me.query();
    expect(me).toMatchObject({ principalKind: "machine", role: "owner" });
    const page = await trpc.conversations.list.query({ limit: 5 });
    expect(page.items).toEqual([]);
    const created = await trpc.users.create.mutate({
      name: "Nadia Night",
      email: "nadia@example.test",
      role: "operator",
      password: "a long enough password 1",
    });
    expect(created).toMatchObject({ email: "nadia@example.test", role: "operator" });
  });

  it("streams escalations over the WebSocket and resumes after the last event id", async () => {
    const watcher = client();
    const first = escalations(watcher, 1);
    // The subscription is live once the socket answered a call on it.
    await new Promise((r) => setTimeout(r, 300));
    const conversationId = await customerShares("+1 415 555 0100");
    const [event] = await first;
    expect(event).toMatchObject({ conversationId, type: expect.any(String) as string });

    // Missed while no one listened: a new client resuming from the last id gets only the later one.
    const later = await customerShares("+1 415 555 0199");
    const stop = new AbortController();
    const resumed: string[] = [];
    for await (const { event: escalation } of escalationsOf(client(), {
      lastEventId: event!.id,
      signal: stop.signal,
    })) {
      resumed.push(escalation.payload.conversation.conversationId);
      stop.abort();
    }
    expect(resumed).toEqual([later]);
  });

  it("turns the API's errors into ApiError with code, status and input issues", async () => {
    const trpc = client();
    const missing = await call(() => trpc.agents.byId.query({ agentId: "no_such_agent" })).catch(
      (e: unknown) => e,
    );
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing).toMatchObject({ code: "NOT_FOUND", httpStatus: 404 });
    expect((missing as ApiError).requestId).toEqual(expect.any(String));

    const bad = await call(() =>
      trpc.users.create.mutate({
        name: "x",
        email: "not an e-mail",
        role: "operator",
        password: "p",
      }),
    ).catch((e: unknown) => e);
    expect(isApiError(bad, "BAD_REQUEST")).toBe(true);
    expect((bad as ApiError).issues.map((i) => i.path)).toContain("email");

    const refused = await client("wrong-token-0123456789")
      .users.list.query({})
      .catch((e: unknown) => e);
    expect(isApiError(refused, "UNAUTHORIZED")).toBe(true);

    const offline = createAgentsCrmClient({ url: "http://127.0.0.1:9", token: TOKEN });
    const unreachable = await call(() => offline.trpc.system.health.query()).catch(
      (e: unknown) => e,
    );
    await offline.close();
    expect(isApiError(unreachable, "NETWORK")).toBe(true);
  });
});
