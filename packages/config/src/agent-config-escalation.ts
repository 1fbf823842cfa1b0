import { z } from "zod";
import { freeForm } from "./agent-config-fields";
import { safetyNetSchema } from "./agent-config-safety-net";

export const escalationInstructionSchema = z.looseObject({
  description: z.string().default(""),
  examples: z.array(z.string()).default([]),
  guidance: z.string().default(""),
});

export const phoneDetectionSchema = z
  .looseObject({
    /** Phone numbers (and e-mails) in a customer message hand the conversation to a human. */
    enabled: z.boolean().default(true),
    escalate_on_email: z.boolean().default(true),
    /** ISO 3166 country used to read numbers written without a country code, e.g. "AE". */
    default_country: z
      .string()
      .regex(/^[a-zA-Z]{2}$/, "must be a two-letter country code (e.g. AE)")
      .transform((code) => code.toUpperCase())
      .optional(),
  })
  .prefault({});

export const escalationSchema = z
  .looseObject({
    // The reference's four legacy policy fields; `policies` wins when it is not empty.
    medical_question_policy: z.string().default("handoff_or_book"),
    urgent_case_policy: z.string().default("advise_emergency_and_handoff"),
    repeat_patient_policy: z.string().default("handoff_only"),
    pre_procedure_policy: z.string().default("handoff_only"),
    policies: z.record(z.string(), z.string()).default({}),
    instructions: z.record(z.string(), escalationInstructionSchema).default({}),
    /** `list_name: [keywords]`; entries that are not lists (e.g. the reference's phone regex) are ignored. */
    triggers: freeForm.default({}),
    /** `on_<event>: [{type, template_id, ...}]`; `send_message` picks the template for that escalation. */
    actions: freeForm.default({}),
    phone_detection: phoneDetectionSchema,
    /** The built-in clinical safety net, tuned per agent (it always runs; see agent-config-safety-net). */
    safety_net: safetyNetSchema,
    fast_check: freeForm.optional(),
    /** What to do with stickers, voice notes and other messages the agent cannot read. */
    on_unreadable_message: z.enum(["handoff", "ignore"]).default("handoff"),
    /**
     * Customers' photos may go to the model when the deployment's model reads images (OPENAI_VISION).
     * A clinic that must not send patients' photos to a provider switches it off: photos are then
     * handled by `on_unreadable_message`, as without a vision model.
     */
    read_photos: z.boolean().default(true),
  })
  .prefault({});
