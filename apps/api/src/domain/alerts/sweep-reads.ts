import type { Repositories } from "@agents-crm/db";

/** What an alert reads: the agent's name, its alert chats and their tokens, the assignee's account. */
export interface AlertReads {
  agents: Pick<Repositories["agents"], "get">;
  adminUsers: Pick<Repositories["adminUsers"], "getById">;
  notificationConfigs: Pick<
    Repositories["notificationConfigs"],
    "listActiveForAgent" | "getBotToken"
  >;
}

function once<V>(load: (key: string) => Promise<V>): (key: string) => Promise<V> {
  const loaded = new Map<string, Promise<V>>();
  return (key) => {
    let value = loaded.get(key);
    if (!value) {
      value = load(key);
      loaded.set(key, value);
      // A failed read is not remembered: the next alert of the sweep tries again.
      void value.catch(() => loaded.delete(key));
    }
    return value;
  };
}

/**
 * The reads of one re-alert sweep: every conversation it reminds staff of reads its agent, the agent's
 * alert chats and its assignee's account, which many of them share, so each is read once per sweep.
 * Nothing outlives the sweep's alerts (no cache across sweeps or requests, so nothing to invalidate and
 * nothing another replica could have changed for longer than a sweep lasts, the same race as any read
 * just before a change), and it holds only the agents, chats and staff that one sweep reached.
 */
export function sweepReads(repos: AlertReads): AlertReads {
  return {
    agents: { get: once((agentId) => repos.agents.get(agentId)) },
    adminUsers: { getById: once((userId) => repos.adminUsers.getById(userId)) },
    notificationConfigs: {
      listActiveForAgent: once((agentId) => repos.notificationConfigs.listActiveForAgent(agentId)),
      getBotToken: once((configId) => repos.notificationConfigs.getBotToken(configId)),
    },
  };
}
