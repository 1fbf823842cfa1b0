import { z } from "zod";
import { freeForm, intIn, localizedText, numberIn } from "./agent-config-fields";

/** How many earlier messages the model may be given. */
export const HISTORY_MESSAGES = { min: 0, max: 200 } as const;

export const llmSchema = z
  .looseObject({
    provider: z.string().default("openai"),
    api: z.string().optional(),
    model: z.string().min(1).default("gpt-4o-mini"),
    temperature: numberIn(0, 2).default(0.2),
    max_output_tokens: intIn(1, 4096).default(600),
    /** Seconds for one model call, retries included. */
    timeout: numberIn(1, 600).default(30),
    /** How many earlier messages (customer, agent and admin) the model sees. */
    max_history_messages: intIn(HISTORY_MESSAGES.min, HISTORY_MESSAGES.max).default(30),
  })
  .prefault({});

/** Applied by the deployment's embedder; `configWarnings` says when an agent asks for another one. */
export const embeddingsSchema = z
  .looseObject({
    provider: z.string().default("openai"),
    model: z.string().min(1).optional(),
    dimensions: intIn(1, 8192).optional(),
    batch_size: intIn(1, 2048).optional(),
  })
  .prefault({});

export const MODERATION_MODES = ["pre", "post", "pre_and_post"] as const;

export const moderationSchema = z
  .looseObject({
    provider: z.string().default("openai"),
    enabled: z.boolean().default(true),
    mode: z.enum(MODERATION_MODES).default("pre_and_post"),
    /** When not empty, only these categories (e.g. "harassment", "self-harm") count as a violation. */
    categories: z.array(z.string()).default([]),
    action_on_violation: z.string().default("block_and_escalate"),
  })
  .prefault({});

export const MAX_EXAMPLE_USER_MESSAGE = 500;
export const MAX_EXAMPLE_AGENT_RESPONSE = 2000;

export const exampleSchema = z.looseObject({
  id: z.string().default(""),
  user_message: z.string().min(1).max(MAX_EXAMPLE_USER_MESSAGE),
  agent_response: z.string().min(1).max(MAX_EXAMPLE_AGENT_RESPONSE),
  category: z.string().optional(),
});

export const promptsSchema = z
  .looseObject({
    system: z
      .looseObject({
        persona: z.string().default(""),
        hard_rules: z.string().default(""),
        goal: z.string().default(""),
      })
      .prefault({}),
    templates: z.record(z.string(), localizedText).default({}),
    examples: z.array(exampleSchema).max(7, "at most 7 examples").default([]),
  })
  .prefault({});

export const ragSourceSchema = z.looseObject({
  id: z.string().min(1, "id must not be empty"),
  type: z.string().default("text"),
  title: z.string().default(""),
  content: z.string().default(""),
});

export const ragSchema = z
  .looseObject({
    enabled: z.boolean().default(true),
    vector_store: freeForm.optional(),
    retrieval: z
      .looseObject({
        top_k: intIn(1, 50).default(6),
        score_threshold: numberIn(0, 1).default(0.2),
      })
      .prefault({}),
    scope: z.string().default("agent_only"),
    sources: z
      .array(ragSourceSchema)
      .superRefine((sources, ctx) => {
        const seen = new Set<string>();
        sources.forEach((source, index) => {
          if (seen.has(source.id)) {
            ctx.addIssue({
              code: "custom",
              path: [index, "id"],
              message: `duplicate source id "${source.id}"`,
            });
          }
          seen.add(source.id);
        });
      })
      .default([]),
  })
  .prefault({});
