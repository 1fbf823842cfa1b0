import { createTRPCClient, createWSClient, httpLink, wsLink } from "@trpc/client";
import superjson from "superjson";
import { WebSocket } from "ws";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { AdminEvent } from "../src/domain/conversations/events";
import type { AppRouter } from "../src/router";
import { seedUser, TEST_PASSWORD } from "./helpers/auth-fixtures";
import { createAgent, waitUntil } from "./helpers/chat-kit";
import { closeReplica, serveReplica, useReplicaPair, type Replica } from "./helpers/replicas";
import { createTestDeps } from "./helpers/test-api";

// An open live feed (admin.onEvent) outlives the session it started with: after a logout, a
// deactivation or the session's expiry it kept streaming for up to a minute. It must end within
// seconds, on every replica, and deliver nothing more.
const ADMIN_TOKEN = "revocation-admin-token-0123456789ab";
const ENDS_WITHIN_MS = 3_000;

const closers: (() => Promise<void> | void)[] = [];

/** Waits for the feed to end; timed with performance.now(), which the expiry test leaves real. */
async function endOf(feed: { ended: string | null }, withinMs = ENDS_WITHIN_MS): Promise<string> {
  const deadline = performance.now() + withinMs;
  while (feed.ended === null) {
    if (performance.now() > deadline)
      throw new Error(`the feed was still open after ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return feed.ended;
}

function http(host: string, headers: Record<string, string> = {}) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `http://${host}/trpc`, transformer: superjson, headers })],
  });
}

async function login(host: string, email: string): Promise<string> {
  const res = await fetch(`http://${host}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: { email, password: TEST_PASSWORD } }),
  });
  return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

/** A console's live feed over a WebSocket: what it received and how it ended. */
function liveFeed(host: string, auth: { cookie: string } | { token: string }) {
  const headers = "cookie" in auth ? { cookie: auth.cookie } : {};
  const Socket = class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
  const client = createWSClient({
    url: `ws://${host}/trpc`,
    WebSocket: Socket as unknown as typeof globalThis.WebSocket,
    ...("token" in auth ? { connectionParams: { token: auth.token } } : {}),
  });
  closers.push(() => client.close());
  const trpc = createTRPCClient<AppRouter>({ links: [wsLink({ client, transformer: superjson })] });
  const feed = {
    events: [] as AdminEvent[],
    started: false,
    ended: null as string | null,
  };
  trpc.admin.onEvent.subscribe(undefined, {
    onStarted: () => (feed.started = true),
    onData: (item) => feed.events.push(item.data),
    onError: (error) => (feed.ended = String(error.data?.code)),
    onStopped: () => (feed.ended ??= "stopped"),
  });
  return feed;
}

const createdIds = (events: AdminEvent[]) =>
  events.flatMap((e) =>
    e.type === "conversation.created" ? [e.payload.conversation.conversationId] : [],
  );

/**
 * Starts a web chat (an event every console receives) and waits until the machine's feed has it: a feed
 * still open on the same replica would have it by then too.
 */
async function newConversation(host: string, control: ReturnType<typeof liveFeed>) {
  const chat = await http(host).chat.start.mutate({ agentId: "dr_feed" });
  await waitUntil(() => createdIds(control.events).includes(chat.conversationId));
  return chat.conversationId;
}

afterEach(async () => {
  vi.useRealTimers();
  for (const close of closers.splice(0)) await close();
});

describe("one API process", () => {
  let replica: Replica;
  let control: ReturnType<typeof liveFeed>;
  const machine = () => http(replica.host, { authorization: `Bearer ${ADMIN_TOKEN}` });

  beforeAll(async () => {
    replica = await serveReplica(await createTestDeps({ ADMIN_TOKEN, SESSION_TTL_HOURS: "0.1" }));
    await createAgent(replica.deps, "dr_feed");
  });
  afterAll(async () => {
    await closeReplica(replica);
    await replica.deps.db.close();
  });

  /** A signed-in admin's feed, proven live, next to the machine's control feed. */
  async function adminFeed(role: "admin" | "owner" = "admin") {
    const user = await seedUser(replica.deps, { role });
    const cookie = await login(replica.host, user.email);
    const feed = liveFeed(replica.host, { cookie });
    control = liveFeed(replica.host, { token: ADMIN_TOKEN });
    await waitUntil(() => feed.started && control.started);
    const first = await newConversation(replica.host, control);
    await waitUntil(() => createdIds(feed.events).includes(first));
    return { user, cookie, feed };
  }

  async function expectEndedAndSilent(feed: ReturnType<typeof liveFeed>) {
    expect(await endOf(feed)).toBe("UNAUTHORIZED");
    const seen = feed.events.length;
    await newConversation(replica.host, control);
    expect(feed.events.length).toBe(seen);
    // Only the machine's control feed listens now; the machine token has no access to follow.
    await waitUntil(() => replica.deps.hub.listenerCount("admin") === 1);
    expect(replica.deps.hub.listenerCount("access")).toBe(0);
  }

  it("ends when the session logs out (from another connection)", async () => {
    const { cookie, feed } = await adminFeed();
    await http(replica.host, { cookie }).auth.logout.mutate();
    await expectEndedAndSilent(feed);
  });

  it("ends when the browser signs in again (the session it had is replaced)", async () => {
    const { user, cookie, feed } = await adminFeed();
    await fetch(`http://${replica.host}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ json: { email: user.email, password: TEST_PASSWORD } }),
    });
    await expectEndedAndSilent(feed);
  });

  it("ends when the user is deactivated", async () => {
    const { user, feed } = await adminFeed();
    await machine().users.update.mutate({ userId: user.userId, isActive: false });
    await expectEndedAndSilent(feed);
  });

  it("ends when the user is deleted", async () => {
    const { user, feed } = await adminFeed();
    await machine().users.delete.mutate({ userId: user.userId });
    await expectEndedAndSilent(feed);
  });

  it("ends when the session expires", async () => {
    const { feed } = await adminFeed();
    // Only Date is faked (the server's timers keep running): the session's 6 minutes are over.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 7 * 60_000);
    expect(await endOf(feed)).toBe("UNAUTHORIZED");
  });

  it("follows a role change at once: a demoted admin stops getting managers-only hints", async () => {
    const { user, feed } = await adminFeed();
    const hints = () => feed.events.filter((e) => e.type === "audit.appended").length;
    await machine().users.update.mutate({ userId: user.userId, role: "operator" });
    await waitUntil(() => control.events.some((e) => e.type === "audit.appended"));
    const before = hints();
    // An audited action: the control feed gets its hint, the operator's feed must not.
    const other = await seedUser(replica.deps, { role: "operator" });
    await machine().users.update.mutate({ userId: other.userId, name: "Renamed" });
    await waitUntil(() => control.events.filter((e) => e.type === "audit.appended").length >= 2);
    await newConversation(replica.host, control);
    await waitUntil(() => createdIds(feed.events).length === createdIds(control.events).length);
    expect(hints()).toBe(before);
    expect(feed.ended).toBeNull();
  });
});

describe("replicas sharing Redis", () => {
  const pair = useReplicaPair({ ADMIN_TOKEN }, "dr_feed");
  let a: Replica;
  let b: Replica;
  beforeAll(() => ({ a, b } = pair));

  it("a logout on one replica ends the session's feed on another", async () => {
    const user = await seedUser(a.deps, { role: "admin" });
    const cookie = await login(a.host, user.email);
    const feed = liveFeed(b.host, { cookie });
    const control = liveFeed(b.host, { token: ADMIN_TOKEN });
    await waitUntil(() => feed.started && control.started);

    await http(a.host, { cookie }).auth.logout.mutate();
    expect(await endOf(feed)).toBe("UNAUTHORIZED");
    const seen = feed.events.length;
    const chat = await http(a.host).chat.start.mutate({ agentId: "dr_feed" });
    await waitUntil(() => createdIds(control.events).includes(chat.conversationId));
    expect(feed.events.length).toBe(seen);
  });

  it("a deactivation on one replica ends the user's feeds on another", async () => {
    const user = await seedUser(a.deps, { role: "operator" });
    const feed = liveFeed(b.host, { cookie: await login(a.host, user.email) });
    await waitUntil(() => feed.started);
    await http(a.host, { authorization: `Bearer ${ADMIN_TOKEN}` }).users.update.mutate({
      userId: user.userId,
      isActive: false,
    });
    expect(await endOf(feed)).toBe("UNAUTHORIZED");
  });
});
