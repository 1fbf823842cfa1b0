import {
  channelSettingSetInputSchema,
  type ChannelSettingName,
} from "@agents-crm/config/channel-settings";
import { apiIssues } from "~/features/console/api-error";

/** What is wrong with a value, in a form the console can say in the reader's language. */
export type ValueProblem =
  | { kind: "empty" }
  | { kind: "tooLong"; maximum: number }
  | { kind: "spaces" }
  | { kind: "accountSid" }
  | { kind: "refused" };

/**
 * The same zod schema the API parses with, run before sending, so its first issue (code and limit)
 * becomes a translated sentence instead of the server's English JSON.
 */
export function valueProblem(name: ChannelSettingName, value: string): ValueProblem | null {
  const parsed = channelSettingSetInputSchema.safeParse({ name, value });
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  // Only the codes the schema can raise; anything else is a plain refusal.
  if (issue?.code === "too_small") return { kind: "empty" };
  if (issue?.code === "too_big") return { kind: "tooLong", maximum: Number(issue.maximum) };
  if (issue?.code === "invalid_format") return { kind: "spaces" };
  if (issue?.code === "custom") return { kind: "accountSid" };
  return { kind: "refused" };
}

/** A refusal the client did not foresee: validation issues become "refused", never raw JSON. */
export function serverValueProblem(error: unknown): ValueProblem | null {
  return apiIssues(error).length > 0 ? { kind: "refused" } : null;
}
