import { createKnowledgeBase } from "@agents-crm/ai";
import { afterAll, beforeAll } from "vitest";
import { createRepositories } from "@agents-crm/db";
import type { ApiDeps } from "../../src/deps";
import { startTurnHandoff } from "../../src/cluster/turn-handoff";
import { silentLogger } from "../../src/logger";
import {
  closeConversationRuntime,
  startConversationRuntime,
} from "../../src/realtime/conversation-runtime";
import { createApiServer, type ApiServer } from "../../src/server/http-server";
import { startRedisServer, type RedisServer } from "./redis-server";
import { createAgent } from "./chat-kit";
import { createTestDeps } from "./test-api";

export interface Replica {
  deps: ApiDeps;
  api: ApiServer;
  host: string;
}

/** The real HTTP + WebSocket server for `deps` on an ephemeral port. */
export async function serveReplica(deps: ApiDeps): Promise<Replica> {
  const api = createApiServer(deps);
  const port = await api.listen(0, "127.0.0.1");
  return { deps, api, host: `127.0.0.1:${port}` };
}

export async function closeReplica(replica: Replica): Promise<void> {
  await replica.api.close({ timeoutMs: 500 });
  await closeConversationRuntime(replica.deps);
  await replica.deps.rateLimiter.close?.();
}

export interface ReplicaPair {
  redis: RedisServer;
  a: Replica;
  b: Replica;
  close(): Promise<void>;
}

/**
 * Two API processes' worth of servers in one: one database, a real `redis-server`, and for each its own
 * repositories (own id factory), hub and Redis clients — what two replicas share and what they do not.
 */
export async function startReplicaPair(env: Record<string, string>): Promise<ReplicaPair> {
  const redis = await startRedisServer();
  const depsA = await createTestDeps({ ...env, REDIS_URL: redis.url });
  const reposB = createRepositories(depsA.db, { messageTtlHours: depsA.env.MESSAGE_TTL_HOURS });
  const runtimeB = startConversationRuntime({
    env: depsA.env,
    repos: reposB,
    log: silentLogger,
    sweep: false,
    replicaId: `${depsA.replicaId}-b`,
  });
  const depsB: ApiDeps = {
    ...depsA,
    ...runtimeB.deps,
    repos: reposB,
    replicaId: `${depsA.replicaId}-b`,
    knowledge: createKnowledgeBase({ chunks: reposB.ragChunks, embedder: depsA.llm.embedder }),
  };
  startTurnHandoff(depsB);
  await Promise.all([depsA.hub.ready, depsB.hub.ready]);
  const a = await serveReplica(depsA);
  const b = await serveReplica(depsB);
  return {
    redis,
    a,
    b,
    close: async () => {
      for (const side of [a, b]) await closeReplica(side);
      await a.deps.db.close();
      await redis.stop();
    },
  };
}

/**
 * A replica pair for the enclosing describe block (or file), with `agentId` created: started before
 * its tests, closed after them. Its fields are there once the tests run.
 */
export function useReplicaPair(env: Record<string, string>, agentId: string): ReplicaPair {
  const pair = {} as ReplicaPair;
  beforeAll(async () => {
    Object.assign(pair, await startReplicaPair(env));
    await createAgent(pair.a.deps, agentId);
  });
  afterAll(async () => {
    await pair.close();
  });
  return pair;
}
