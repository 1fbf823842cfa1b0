import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { z } from "zod";
import { ESCALATION_TYPES } from "../src/prompt/output-contract";

export const EVAL_LANGUAGES = ["en", "ru", "ar"] as const;
export type EvalLanguage = (typeof EVAL_LANGUAGES)[number];

const escalationType = z.enum(ESCALATION_TYPES);

const expectSchema = z.strictObject({
  /** The right handoff type ("none": the agent should answer); a list accepts any of them, the first is the label. */
  escalation: z.union([escalationType, z.array(escalationType).min(1)]),
  /** Facts the reply must contain when the agent answers: every group must appear, any spelling in a group. */
  answers: z.array(z.array(z.string().min(1)).min(1)).optional(),
  /** Whether the after-hours note belongs under this reply (checked only where given). */
  after_hours_note: z.boolean().optional(),
});

const turnSchema = z.strictObject({
  customer: z.string().min(1),
  /** The customer's language for this message, when it differs from the conversation's. */
  language: z.enum(EVAL_LANGUAGES).optional(),
  expect: expectSchema,
});

const conversationSchema = z.strictObject({
  id: z.string().min(1),
  language: z.enum(EVAL_LANGUAGES),
  category: z.string().min(1),
  /** The conversation's first message time (ISO); the default is inside the demo clinic's opening hours. */
  at: z.iso.datetime({ offset: true }).optional(),
  turns: z.array(turnSchema).min(1),
});

export const conversationSetSchema = z
  .array(conversationSchema)
  .min(1)
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    for (const [index, conversation] of set.entries()) {
      if (seen.has(conversation.id)) {
        ctx.addIssue({ code: "custom", path: [index, "id"], message: "is used twice" });
      }
      seen.add(conversation.id);
    }
  });

export type EvalConversation = z.output<typeof conversationSchema>;
export type EvalTurn = z.output<typeof turnSchema>;

export const DEFAULT_CONVERSATIONS = new URL("./conversations.yaml", import.meta.url);

/** Reads and validates a conversation set (YAML or JSON); a wrong file fails with the paths that are wrong. */
export async function loadConversations(
  path: string | URL = DEFAULT_CONVERSATIONS,
): Promise<EvalConversation[]> {
  const text = await readFile(path, "utf8");
  const fail = (problems: string) =>
    new Error(`${String(path)} is not a conversation set: ${problems}`);
  let value: unknown;
  try {
    value = parse(text, { uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    throw fail(error instanceof Error ? error.message.split("\n")[0]! : "unreadable YAML");
  }
  const result = conversationSetSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw fail(problems.join("; "));
}

/** The accepted escalation types of a turn, the label first. */
export function acceptedTypes(turn: EvalTurn): string[] {
  return typeof turn.expect.escalation === "string"
    ? [turn.expect.escalation]
    : turn.expect.escalation;
}
