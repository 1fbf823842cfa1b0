import { parseAgentConfig, type AgentConfig } from "@agents-crm/config/agent-config";
import type { AgentRecord, Repositories } from "@agents-crm/db";

export type AgentForTurn =
  | { status: "ok"; agent: AgentRecord; config: AgentConfig }
  | { status: "missing" | "inactive" | "invalid" };

/**
 * How long a turn may use an agent read earlier. Every message would otherwise read the agent again;
 * an edit or a deactivation reaches running conversations this much later at most (new web chats read
 * the agent fresh in chat.start, and `forgetAgent` makes this process see a change at once).
 */
export const AGENT_CACHE_MS = 2_000;
const MAX_CACHED = 500;

interface Cached {
  agent: AgentRecord | null;
  readAt: number;
  /** Parsing a document costs more than reading it: once per record version. */
  parsed?: { version: string; config: AgentConfig | null };
}

const caches = new WeakMap<object, Map<string, Cached>>();

function cacheFor(repos: object): Map<string, Cached> {
  let cache = caches.get(repos);
  if (!cache) {
    cache = new Map();
    caches.set(repos, cache);
  }
  return cache;
}

/** Drops this process's cached copy of an agent (after changing it). */
export function forgetAgent(repos: Pick<Repositories, "agents">, agentId: string): void {
  caches.get(repos)?.delete(agentId);
}

export async function loadAgentForTurn(
  repos: Pick<Repositories, "agents">,
  agentId: string,
  now: number = Date.now(),
): Promise<AgentForTurn> {
  const cache = cacheFor(repos);
  let entry = cache.get(agentId);
  if (!entry || now - entry.readAt > AGENT_CACHE_MS) {
    const agent = await repos.agents.get(agentId);
    const parsed = entry?.parsed;
    entry = { agent, readAt: now, parsed };
    if (cache.size >= MAX_CACHED && !cache.has(agentId)) {
      cache.delete(cache.keys().next().value as string);
    }
    cache.set(agentId, entry);
  }
  const { agent } = entry;
  if (!agent) return { status: "missing" };
  if (!agent.isActive) return { status: "inactive" };
  const version = `${agent.version}#${agent.updatedAt}`;
  if (entry.parsed?.version !== version) {
    const result = parseAgentConfig(agent.config);
    entry.parsed = { version, config: result.ok ? result.config : null };
  }
  const config = entry.parsed.config;
  return config ? { status: "ok", agent, config } : { status: "invalid" };
}
