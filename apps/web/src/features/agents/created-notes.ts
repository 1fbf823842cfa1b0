/**
 * The warnings `agents.create` returned (knowledge that could not be indexed, inert fields), carried
 * over the navigation to the new agent's page (session storage: this tab only, gone with it).
 */
const key = (agentId: string) => `agents-crm:agent-created:${agentId}`;

export function keepCreatedWarnings(storage: Storage, agentId: string, warnings: string[]) {
  storage.setItem(key(agentId), JSON.stringify(warnings));
}

export function readCreatedWarnings(storage: Storage, agentId: string): string[] {
  const raw = storage.getItem(key(agentId));
  if (raw === null) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value)
      ? value.filter((item): item is string => typeof item === "string")
      : [];
  } catch {
    return [];
  }
}
