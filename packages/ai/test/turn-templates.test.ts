import { describe, expect, it } from "vitest";
import { DEFAULT_TEXTS } from "../src/turn/default-texts";
import {
  afterHoursText,
  escalationText,
  llmErrorText,
  templateText,
  unreadableMessageText,
} from "../src/turn/templates";
import { configOf, minimalDocument } from "./turn-kit";

describe("customer texts", () => {
  const config = configOf(
    minimalDocument({
      prompts: {
        templates: {
          ask_phone_for_booking: { ru: "Оставьте номер, {doctor_display_name} перезвонит." },
          clinic_note: { ru: "Только по-русски" },
          handoff_after_phone_stop: "Thanks from {clinic_display_name} {{team}}!",
        },
      },
      working_hours: { after_hours_behavior: { message: { en: "Closed now.", ar: "مغلق الآن." } } },
    }),
  );

  it("prefer the clinic's text in the customer's language, then our default in that language", () => {
    expect(escalationText(config, "booking", "ru")).toBe("Оставьте номер, Dr. Test перезвонит.");
    expect(escalationText(config, "booking", "en")).toBe(DEFAULT_TEXTS.ask_phone_for_booking!.en);
    expect(templateText(config, "clinic_note", "en")).toBe("Только по-русски");
  });

  it("use a single written text for every language, placeholders filled", () => {
    expect(escalationText(config, "contact", "ar")).toBe("Thanks from Test Clinic {team}!");
  });

  it("have defaults for every type in English, Russian and Arabic", () => {
    for (const type of ["urgent", "medical", "repeat_patient", "moderation", "custom"] as const) {
      for (const language of ["en", "ru", "ar"] as const) {
        expect(escalationText(config, type, language).length).toBeGreaterThan(20);
      }
    }
    expect(llmErrorText(config, "ru")).toBe(DEFAULT_TEXTS.llm_error_fallback!.ru);
    expect(unreadableMessageText(config, "ar")).toBe(DEFAULT_TEXTS.unreadable_message_handoff!.ar);
  });

  it("read the after-hours message from working_hours, per language", () => {
    expect(afterHoursText(config, "ar")).toBe("مغلق الآن.");
    expect(afterHoursText(config, "ru")).toBe(DEFAULT_TEXTS.after_hours_message!.ru);
    expect(afterHoursText(configOf(minimalDocument()), "en")).toBe(
      DEFAULT_TEXTS.after_hours_message!.en,
    );
  });
});
