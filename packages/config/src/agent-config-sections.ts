import { z } from "zod";
import {
  freeForm,
  intIn,
  localizedText,
  nonBlank,
  timeRange,
  timeZone,
  weekdayOf,
} from "./agent-config-fields";

/**
 * Who the agent speaks for. The reference's later versions renamed the names to
 * `agent_display_name` / `company_display_name`; either spelling imports.
 */
export const profileSchema = z
  .looseObject({
    doctor_display_name: z.string().optional(),
    agent_display_name: z.string().optional(),
    clinic_display_name: z.string().optional(),
    company_display_name: z.string().optional(),
    specialty: z.string().default(""),
    languages: z.array(nonBlank("language")).default(["ru", "en"]),
  })
  .transform((profile, ctx) => {
    const doctor = profile.doctor_display_name ?? profile.agent_display_name ?? "";
    const clinic = profile.clinic_display_name ?? profile.company_display_name ?? "";
    if (doctor.trim() === "") {
      ctx.addIssue({
        code: "custom",
        path: ["doctor_display_name"],
        message: "doctor_display_name must not be empty",
      });
    }
    if (clinic.trim() === "") {
      ctx.addIssue({
        code: "custom",
        path: ["clinic_display_name"],
        message: "clinic_display_name must not be empty",
      });
    }
    return { ...profile, doctor_display_name: doctor, clinic_display_name: clinic };
  });

/** The style sliders (empathy, depth of answers). */
export const STYLE_LEVEL = { min: 0, max: 10 } as const;

export const styleSchema = z
  .looseObject({
    tone: z.string().default("friendly_professional"),
    formality: z.string().default("semi_formal"),
    empathy_level: intIn(STYLE_LEVEL.min, STYLE_LEVEL.max).default(7),
    depth_level: intIn(STYLE_LEVEL.min, STYLE_LEVEL.max).default(5),
    message_length: z.string().default("short_to_medium"),
    persuasion: z.string().default("soft"),
  })
  .prefault({});

const daySchedule = z.array(timeRange).nullable();

export const workingHoursSchema = z
  .looseObject({
    timezone: timeZone.default("Asia/Dubai"),
    /** An empty schedule means "always open"; otherwise days not listed are closed. */
    schedule: z
      .record(z.string(), daySchedule)
      .superRefine((schedule, ctx) => {
        for (const key of Object.keys(schedule)) {
          if (weekdayOf(key) === null) {
            ctx.addIssue({ code: "custom", path: [key], message: "must be a weekday (mon..sun)" });
          }
        }
      })
      .default({}),
    after_hours_behavior: z
      .looseObject({
        message: localizedText.optional(),
        allow_booking_intent_capture: z.boolean().default(true),
        force_handoff_on_booking: z.boolean().default(true),
      })
      .prefault({}),
  })
  .prefault({});

export const restrictionsSchema = z
  .looseObject({
    no_diagnosis: z.boolean().default(true),
    no_treatment_recommendations: z.boolean().default(true),
    no_drug_advice: z.boolean().default(true),
    no_test_interpretation: z.boolean().default(true),
    no_pre_procedure_recommendations: z.boolean().default(true),
    no_slot_selection: z.boolean().default(true),
    no_repeat_patients: z.boolean().default(true),
    forbidden_claims: z.array(z.string()).default([]),
    content_safety: z
      .looseObject({
        disallow: z.array(z.string()).default([]),
        no_misleading: z.boolean().default(true),
      })
      .prefault({}),
  })
  .prefault({});

export const handoffSchema = z
  .looseObject({
    always_possible: z.boolean().optional(),
    immediate_takeover_supported: z.boolean().optional(),
    default_handoff_target: z.string().optional(),
    /** Read by the API through `stopAiAfterHandoff(config)`. */
    stop_ai_after_handoff: z.boolean().default(true),
  })
  .prefault({});

/** Sections the product keeps (and shows) but does not act on; `configWarnings` names them. */
export const inertSection = freeForm.optional();
