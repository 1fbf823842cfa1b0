import { z } from "zod";

/**
 * The built-in safety net's categories, most severe first. Each maps to an escalation type: urgent →
 * urgent, abuse → moderation, the clinical ones → medical.
 */
export const SAFETY_NET_CATEGORIES = [
  "urgent",
  "abuse",
  "medication",
  "symptoms",
  "pregnancy",
  "test_results",
  "children",
] as const;
export type SafetyNetCategory = (typeof SAFETY_NET_CATEGORIES)[number];

export const SAFETY_NET_TYPES = {
  urgent: "urgent",
  abuse: "moderation",
  medication: "medical",
  symptoms: "medical",
  pregnancy: "medical",
  test_results: "medical",
  children: "medical",
} as const satisfies Record<SafetyNetCategory, string>;

export const MAX_SAFETY_NET_KEYWORDS = 200;
export const MAX_SAFETY_NET_KEYWORD = 100;

const keywords = z
  .array(z.string().trim().min(1).max(MAX_SAFETY_NET_KEYWORD))
  .max(MAX_SAFETY_NET_KEYWORDS)
  .default([]);

export const safetyNetCategorySchema = z
  .looseObject({
    /** Switching a category off must be written down; it raises a config warning. */
    enabled: z.boolean().default(true),
    /** More words or phrases that hand over on their own (`*` after a stem matches any ending). */
    extra_keywords: keywords,
    /** Words or phrases this clinic uses innocently: where they match, the category does not look. */
    ignore_keywords: keywords,
  })
  .prefault({});

/** `escalation.safety_net`: tunes the built-in net; the agent's triggers are added to it, never replace it. */
export const safetyNetSchema = z
  .looseObject({
    categories: z
      .looseObject(
        Object.fromEntries(
          SAFETY_NET_CATEGORIES.map((category) => [category, safetyNetCategorySchema]),
        ) as Record<SafetyNetCategory, typeof safetyNetCategorySchema>,
      )
      .prefault({}),
  })
  .prefault({});
