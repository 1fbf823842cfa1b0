export type AgentTab = "settings" | "channels" | "playground" | "gaps";

/** `?tab=` of an agent's page; anything unknown opens the settings. */
export function parseAgentTab(value: string | string[] | undefined): AgentTab {
  return value === "channels" || value === "playground" || value === "gaps" ? value : "settings";
}
