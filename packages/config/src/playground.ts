import { z } from "zod";
import { MAX_MESSAGE_CHARS } from "./conversations";

/** Bounds of one playground call: enough for a long test conversation, small enough to stay cheap. */
export const PLAYGROUND_MAX_HISTORY = 100;
export const PLAYGROUND_MAX_MESSAGE = MAX_MESSAGE_CHARS;

/** The conversation so far; the console drops older turns rather than send more. */
export const playgroundHistorySchema = z
  .array(
    z.object({
      role: z.enum(["user", "agent"]),
      content: z.string().max(PLAYGROUND_MAX_MESSAGE),
    }),
  )
  .max(PLAYGROUND_MAX_HISTORY);
export type PlaygroundHistory = z.infer<typeof playgroundHistorySchema>;
