export type AgentTab = "settings" | "library" | "channels" | "playground" | "gaps";

/** `?tab=` of an agent's page; anything unknown opens the settings. */
export function parseAgentTab(value: string | string[] | undefined): AgentTab {
  return value === "library" || value === "channels" || value === "playground" || value === "gaps"
    ? value
    : "settings";
}
