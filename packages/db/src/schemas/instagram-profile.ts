import { z } from "zod";

export const instagramProfileSchema = z.object({
  externalUserId: z.string(),
  name: z.string().optional(),
  username: z.string().optional(),
  profilePic: z.string().optional(),
  updatedAt: z.string(),
  /** Epoch seconds. */
  ttl: z.number().int(),
});
export type InstagramProfile = z.infer<typeof instagramProfileSchema>;

export const putInstagramProfileInputSchema = z.object({
  externalUserId: z.string().min(1),
  name: z.string().optional(),
  username: z.string().optional(),
  profilePic: z.string().optional(),
});
export type PutInstagramProfileInput = z.input<typeof putInstagramProfileInputSchema>;
