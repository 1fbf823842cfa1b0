import { z } from "zod";
import { escalationSchema } from "./agent-config-escalation";
import { AGENT_ID_PATTERN, intIn } from "./agent-config-fields";
import {
  embeddingsSchema,
  llmSchema,
  moderationSchema,
  promptsSchema,
  ragSchema,
} from "./agent-config-models";
import {
  handoffSchema,
  inertSection,
  profileSchema,
  restrictionsSchema,
  styleSchema,
  workingHoursSchema,
} from "./agent-config-sections";

/**
 * The agent document (reference §4, snake_case keys). Every object is loose: keys this schema does not
 * know are kept as written, so an existing YAML/JSON document imports unchanged and round-trips.
 */
export const agentConfigSchema = z.looseObject({
  version: z.union([z.string(), z.number().transform(String)]).default("1.0"),
  agent_id: z.string().regex(AGENT_ID_PATTERN, "must be 1-100 letters, digits, '_' or '-'"),
  role: z.string().default("instagram_doctor_agent"),
  project: z.string().optional(),
  environment: z.string().default("mvp"),
  /** How long to wait for more messages of a burst before answering them together. */
  burst_window_ms: intIn(0, 60_000).default(1500),

  privacy: inertSection,
  security: inertSection,
  channels: inertSection,
  profile: profileSchema,
  style: styleSchema,
  working_hours: workingHoursSchema,
  restrictions: restrictionsSchema,
  handoff: handoffSchema,
  escalation: escalationSchema,
  llm: llmSchema,
  embeddings: embeddingsSchema,
  moderation: moderationSchema,
  prompts: promptsSchema,
  rag: ragSchema,
  monitoring: inertSection,
});

export type AgentConfig = z.output<typeof agentConfigSchema>;

/** What an agent runs with when its document leaves the model's numbers out (the console shows them). */
export const MODEL_DEFAULTS = {
  ...llmSchema.parse(undefined),
  burst_window_ms: agentConfigSchema.shape.burst_window_ms.parse(undefined),
};
export type AgentConfigInput = z.input<typeof agentConfigSchema>;

export interface ConfigIssue {
  /** Dotted path to the field, e.g. `rag.retrieval.top_k` or `prompts.examples[2].user_message`. */
  path: string;
  message: string;
}

export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}
