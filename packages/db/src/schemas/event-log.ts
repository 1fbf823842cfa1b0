import { z } from "zod";

export const appendEventInputSchema = z.object({
  type: z.string().min(1),
  payload: z.unknown(),
});
export type AppendEventInput = z.input<typeof appendEventInputSchema>;

export interface LoggedEvent {
  eventId: string;
  stream: string;
  type: string;
  payload: unknown;
  createdAt: string;
}
