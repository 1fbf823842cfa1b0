import type { AgentConfig } from "./agent-config-schema";
import {
  ACTION_EVENTS,
  ESCALATION_TEMPLATE_IDS,
  type EscalationTemplateType,
} from "./agent-config-templates";

/** Whether the AI stays silent after a human took the conversation over (default true). */
export function stopAiAfterHandoff(config: AgentConfig): boolean {
  return config.handoff.stop_ai_after_handoff;
}

/** The agent lets customers' photos go to a vision model (the deployment must offer one too). */
export function readsPhotos(config: AgentConfig): boolean {
  return config.escalation.read_photos;
}

export function burstWindowMs(config: AgentConfig): number {
  return config.burst_window_ms;
}

export function onUnreadableMessage(config: AgentConfig): "handoff" | "ignore" {
  return config.escalation.on_unreadable_message;
}

/** What the agent asks of the embedder; unset fields mean "the deployment's default". */
export function embeddingSettings(config: AgentConfig): {
  model?: string;
  dimensions?: number;
  batchSize?: number;
} {
  const { model, dimensions, batch_size: batchSize } = config.embeddings;
  return { model, dimensions, batchSize };
}

/** The knowledge sources to index for this agent (empty ones are skipped). */
export function knowledgeSources(
  config: AgentConfig,
): { id: string; title: string; content: string; type: string }[] {
  return config.rag.sources
    .filter((source) => source.content.trim() !== "")
    .map((source) => ({
      id: source.id,
      title: source.title || source.id,
      content: source.content,
      type: source.type,
    }));
}

export interface EscalationAction {
  type: string;
  templateId?: string;
}

/** The `escalation.actions` lists, read leniently: anything that is not `{ type: string }` is skipped. */
export function escalationActions(config: AgentConfig): Map<string, EscalationAction[]> {
  const out = new Map<string, EscalationAction[]>();
  for (const [event, list] of Object.entries(config.escalation.actions)) {
    if (!Array.isArray(list)) continue;
    const actions: EscalationAction[] = [];
    for (const entry of list as unknown[]) {
      if (typeof entry !== "object" || entry === null) continue;
      const { type, template_id: templateId } = entry as Record<string, unknown>;
      if (typeof type !== "string") continue;
      actions.push({ type, templateId: typeof templateId === "string" ? templateId : undefined });
    }
    out.set(event, actions);
  }
  return out;
}

/** The template id sent for an escalation type: the `send_message` action of its event, else the default id. */
export function escalationTemplateId(config: AgentConfig, type: EscalationTemplateType): string {
  const actions = escalationActions(config);
  for (const [event, eventType] of Object.entries(ACTION_EVENTS)) {
    if (eventType !== type) continue;
    const send = actions
      .get(event)
      ?.find((action) => action.type === "send_message" && action.templateId);
    if (send?.templateId) return send.templateId;
  }
  return ESCALATION_TEMPLATE_IDS[type];
}
