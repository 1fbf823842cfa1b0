import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/deps";
import { startInstagramTokenRefresh } from "../src/channels/instagram-token-job";
import { refreshDueInstagramTokens } from "../src/domain/bindings/instagram-token-refresh";
import { createInstagramGraphApi } from "../src/platforms/instagram-graph-api";
import { ADMIN_STREAM, type RealtimeEvent } from "../src/realtime/types";
import { closeConversationRuntime } from "../src/realtime/conversation-runtime";
import { startFakeGraph, type FakeGraph } from "./fakes/fake-graph";
import { startFakeTelegram, type FakeTelegram } from "./fakes/fake-telegram";
import { callerAs, machine } from "./helpers/auth-fixtures";
import { createAgent } from "./helpers/chat-kit";
import { createTestDeps } from "./helpers/test-api";

// Instagram API with Instagram Login: long-lived tokens last 60 days and are refreshed with
// `GET /refresh_access_token?grant_type=ig_refresh_token` once at least 24 hours old
// (https://developers.facebook.com/documentation/instagram-platform/reference/refresh_access_token);
// a revoked token answers Graph error 190 (https://developers.facebook.com/docs/graph-api/guides/error-handling).

const DAY = 24 * 3600 * 1000;
let graph: FakeGraph;
let telegram: FakeTelegram;
let deps: ApiDeps;
let events: RealtimeEvent[];
let unsubscribe: () => void;
let accountSeq = 0;
let alertsBefore = 0;
const connected: string[] = [];

beforeAll(async () => {
  graph = await startFakeGraph();
  telegram = await startFakeTelegram();
  deps = await createTestDeps({
    INSTAGRAM_GRAPH_BASE_URL: graph.url,
    TELEGRAM_API_BASE_URL: telegram.url,
  });
  await createAgent(deps, "ig_clinic");
  const bot = telegram.addBot();
  await deps.repos.notificationConfigs.create({ chatId: "700", botToken: bot.token });
  await deps.repos.notificationConfigs.create({
    chatId: "701",
    botToken: bot.token,
    language: "ru",
  });
  unsubscribe = deps.hub.subscribe(ADMIN_STREAM, (event) => events.push(event));
});

beforeEach(async () => {
  events = [];
  // Each test sweeps only its own binding: the previous one's is removed.
  for (const bindingId of connected.splice(0)) {
    await callerAs(deps, machine).bindings.delete({ bindingId });
  }
  await deps.alerts.drain();
  alertsBefore = telegram.sent().length;
});

afterAll(async () => {
  unsubscribe();
  await closeConversationRuntime(deps);
  await deps.db.close();
  await graph.close();
  await telegram.close();
});

const api = () => createInstagramGraphApi({ baseUrl: graph.url, timeoutMs: 2_000 });

async function connect() {
  accountSeq += 1;
  const accountId = `178414000000${String(accountSeq).padStart(5, "0")}`;
  const token = `IGAA-first-${accountSeq}`;
  graph.addInstagramAccount(accountId, token);
  const binding = await callerAs(deps, machine).bindings.create({
    agentId: "ig_clinic",
    channelType: "instagram",
    channelAccountId: accountId,
    accessToken: token,
    channelUsername: `clinic_${accountSeq}`,
  });
  connected.push(binding.bindingId);
  return { accountId, token, bindingId: binding.bindingId };
}

const sweepAt = (ms: number) => refreshDueInstagramTokens(deps, api(), new Date(Date.now() + ms));
const bindingOf = (bindingId: string) => deps.repos.channelBindings.get(bindingId);
const tokenOf = (bindingId: string) => deps.repos.channelBindings.getAccessToken(bindingId);
const alertTexts = async () => {
  await deps.alerts.drain();
  return telegram
    .sent()
    .slice(alertsBefore)
    .map((m) => ({ chatId: m.chatId, text: m.text }));
};
const healthOf = async (bindingId: string) =>
  (await callerAs(deps, machine).bindings.health({ agentId: "ig_clinic" })).items.find(
    (item) => item.bindingId === bindingId,
  );

describe("Instagram token refresh", () => {
  it("leaves a token younger than a day alone, then refreshes it and keeps the new one encrypted with its expiry", async () => {
    const { accountId, token, bindingId } = await connect();
    expect((await sweepAt(0)).refreshed).toBe(0);
    expect(await tokenOf(bindingId)).toBe(token);

    const before = Date.now();
    await sweepAt(2 * DAY);
    const refreshed = await tokenOf(bindingId);
    expect(refreshed).not.toBe(token);
    expect(refreshed).toBe(graph.instagramToken(accountId));
    const binding = await bindingOf(bindingId);
    const expires = Date.parse(binding?.tokenExpiresAt ?? "");
    expect(expires - (before + 2 * DAY)).toBeGreaterThanOrEqual(60 * DAY - 5_000);
    expect(expires - (before + 2 * DAY)).toBeLessThanOrEqual(60 * DAY + 5_000);
    // The row holds no token: the secret store does, encrypted.
    expect(JSON.stringify(binding)).not.toContain(refreshed);
    expect(await healthOf(bindingId)).toMatchObject({
      tokenExpiresAt: binding?.tokenExpiresAt,
      tokenProblem: null,
    });

    // Known expiry 60 days out: not due again until 30 days remain.
    const calls = graph.count("instagram.refresh_token");
    await sweepAt(3 * DAY);
    expect(graph.count("instagram.refresh_token")).toBe(calls);
    await sweepAt(33 * DAY);
    expect(graph.count("instagram.refresh_token")).toBe(calls + 1);
    expect(await tokenOf(bindingId)).toBe(graph.instagramToken(accountId));
    expect(await alertTexts()).toEqual([]);
  });

  it("tells consoles and every alert chat once when the token was revoked, and a new token clears it", async () => {
    const { accountId, bindingId } = await connect();
    graph.revokeInstagramToken(accountId);
    const counts = await sweepAt(2 * DAY);
    expect(counts.revoked).toBeGreaterThanOrEqual(1);
    const binding = await bindingOf(bindingId);
    expect(binding?.tokenProblem).toMatchObject({ kind: "revoked" });
    expect(binding?.tokenProblem?.message).toMatch(/code 190/);

    const notice = events.find((e) => e.type === "channel.token_problem");
    expect(notice?.payload).toMatchObject({
      bindingId,
      agentId: "ig_clinic",
      channelUsername: binding?.channelUsername,
      problem: { kind: "revoked" },
    });
    const texts = (await alertTexts()).filter((m) =>
      m.text.includes(`@${binding?.channelUsername}`),
    );
    expect(texts.map((m) => m.chatId).sort()).toEqual(["700", "701"]);
    expect(texts.find((m) => m.chatId === "700")?.text).toMatch(/revoked or has expired/);
    expect(texts.find((m) => m.chatId === "701")?.text).toMatch(/отозван или истёк/);
    expect(await healthOf(bindingId)).toMatchObject({ tokenProblem: { kind: "revoked" } });

    // Not asked again (only a new token helps), so not told again.
    events = [];
    const calls = graph.count("instagram.refresh_token");
    await sweepAt(3 * DAY);
    expect(graph.count("instagram.refresh_token")).toBe(calls);
    expect(events.filter((e) => e.type === "channel.token_problem")).toEqual([]);

    // Staff connect it again: the problem and the old token's life are gone.
    graph.addInstagramAccount(accountId, "IGAA-pasted-again");
    await callerAs(deps, machine).bindings.update({ bindingId, accessToken: "IGAA-pasted-again" });
    const fresh = await bindingOf(bindingId);
    expect(fresh?.tokenProblem).toBeUndefined();
    expect(fresh?.tokenExpiresAt).toBeUndefined();
  });

  it("records a refused refresh once, retries it on later sweeps, and clears it when one succeeds", async () => {
    const { accountId, bindingId } = await connect();
    const permission = {
      status: 400,
      code: 10,
      message: "(#10) Application does not have permission for this action",
    };
    graph.failNext("instagram.refresh_token", permission, 2);
    await sweepAt(2 * DAY);
    const problem = (await bindingOf(bindingId))?.tokenProblem;
    expect(problem?.kind).toBe("refresh_failed");
    expect(problem?.message).toContain("code 10");
    expect(events.filter((e) => e.type === "channel.token_problem")).toHaveLength(1);
    await sweepAt(2 * DAY + 3600_000);
    expect(events.filter((e) => e.type === "channel.token_problem")).toHaveLength(1);

    await sweepAt(2 * DAY + 7200_000);
    const binding = await bindingOf(bindingId);
    expect(binding?.tokenProblem).toBeUndefined();
    expect(await tokenOf(bindingId)).toBe(graph.instagramToken(accountId));
  });

  it("only logs Meta being unreachable while weeks remain", async () => {
    const { bindingId } = await connect();
    graph.failNext("instagram.refresh_token", { status: 503 }, 1);
    await sweepAt(2 * DAY);
    expect((await bindingOf(bindingId))?.tokenProblem).toBeUndefined();
    expect(events.filter((e) => e.type === "channel.token_problem")).toEqual([]);
    expect(await alertTexts()).toEqual([]);
  });

  it("refreshes once per cluster: two replicas' jobs, one refresh", async () => {
    const { bindingId } = await connect();
    // Make it due now: its token is older than a day as far as the row says.
    await deps.repos.channelBindings.storeRefreshedToken(bindingId, {
      previousToken: (await tokenOf(bindingId)) ?? "",
      accessToken: (await tokenOf(bindingId)) ?? "",
      expiresAt: new Date(Date.now() + DAY).toISOString(),
    });
    const calls = graph.count("instagram.refresh_token");
    const jobs = ["replica-a", "replica-b"].map((replicaId) =>
      startInstagramTokenRefresh({ ...deps, replicaId }, 3_600_000),
    );
    const ran = await Promise.all(jobs.map((job) => job.tick()));
    await Promise.all(jobs.map((job) => job.stop()));
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(graph.count("instagram.refresh_token") - calls).toBe(1);
    expect(Date.parse((await bindingOf(bindingId))?.tokenExpiresAt ?? "")).toBeGreaterThan(
      Date.now() + 59 * DAY,
    );
  });
});
