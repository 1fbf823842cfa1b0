import { DEMO_AGENT_ID, demoAgentDocument } from "@agents-crm/config/demo-agent";
import { AlreadyExistsError, type Repositories } from "@agents-crm/db";

/** First start only: an existing demo agent (or one the admin deleted and re-created) is left alone. */
export async function ensureDemoAgent(repos: Repositories): Promise<string | null> {
  if (await repos.agents.get(DEMO_AGENT_ID)) return null;
  try {
    await repos.agents.create({ agentId: DEMO_AGENT_ID, config: demoAgentDocument });
    return DEMO_AGENT_ID;
  } catch (error) {
    if (error instanceof AlreadyExistsError) return null;
    throw error;
  }
}
