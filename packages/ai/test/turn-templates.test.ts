import { describe, expect, it } from "vitest";
import { DEFAULT_TEXTS } from "../src/turn/default-texts";
import {
  afterHoursText,
  agentTemplateText,
  escalationText,
  llmErrorText,
  templateForLanguage,
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

  it("use a single written text in its own language, placeholders filled, and ours in any other", () => {
    expect(escalationText(config, "contact", "en")).toBe("Thanks from Test Clinic {team}!");
    expect(escalationText(config, "contact", "ar")).toBe(
      DEFAULT_TEXTS.handoff_after_phone_stop!.ar,
    );
  });

  // Regression: an imported agent whose templates were single Russian strings answered English customers in Russian.
  describe("an agent whose templates are single Russian strings", () => {
    const russian = configOf(
      minimalDocument({
        profile: {
          doctor_display_name: "Dr. Test",
          clinic_display_name: "Sunrise Family Clinic",
          specialty: "dentistry",
          languages: ["ru"],
        },
        prompts: {
          templates: {
            urgent_emergency_message:
              "Срочно звоните 103! Я передаю ваш запрос в {clinic_display_name}.",
            ask_phone_for_booking:
              "Оставьте номер телефона — Sunrise Family Clinic перезвонит вам.",
            clinic_only: "Только по-русски",
          },
        },
        escalation: {
          actions: { on_medical_question: [{ type: "send_message", template_id: "clinic_only" }] },
        },
        working_hours: { after_hours_behavior: { message: "Мы закрыты до утра." } },
      }),
    );

    it("answer a Russian customer with the clinic's text", () => {
      expect(escalationText(russian, "urgent", "ru")).toBe(
        "Срочно звоните 103! Я передаю ваш запрос в Sunrise Family Clinic.",
      );
      // Latin letters of the clinic's own name do not make a Russian text English.
      expect(escalationText(russian, "booking", "ru")).toBe(
        "Оставьте номер телефона — Sunrise Family Clinic перезвонит вам.",
      );
      expect(afterHoursText(russian, "ru")).toBe("Мы закрыты до утра.");
    });

    it("answer an English or Arabic customer with our template of the same kind in their language", () => {
      expect(escalationText(russian, "urgent", "en")).toBe(
        DEFAULT_TEXTS.urgent_emergency_message!.en,
      );
      expect(escalationText(russian, "booking", "ar")).toBe(
        DEFAULT_TEXTS.ask_phone_for_booking!.ar,
      );
      // A template id of the clinic's own, sent for a medical question: our medical text.
      expect(escalationText(russian, "medical", "en")).toBe(
        DEFAULT_TEXTS.no_med_advice_offer_booking!.en,
      );
      expect(afterHoursText(russian, "en")).toBe(DEFAULT_TEXTS.after_hours_message!.en);
    });

    it("tell a caller which texts the clinic wrote in the customer's language", () => {
      expect(templateForLanguage(russian, "urgent_emergency_message", "en")).toBeNull();
      expect(templateForLanguage(russian, "urgent_emergency_message", "ru")).toBe(
        "Срочно звоните 103! Я передаю ваш запрос в Sunrise Family Clinic.",
      );
      expect(templateForLanguage(config, "ask_phone_for_booking", "ru")).toBe(
        "Оставьте номер, Dr. Test перезвонит.",
      );
      expect(templateForLanguage(config, "ask_phone_for_booking", "en")).toBeNull();
      expect(templateForLanguage(config, "repeat_patient_handoff", "en")).toBeNull();
      expect(agentTemplateText(russian, "urgent_emergency_message")).toBe(
        "Срочно звоните 103! Я передаю ваш запрос в Sunrise Family Clinic.",
      );
      expect(agentTemplateText(russian, "repeat_patient_handoff")).toBeNull();
    });

    it("read a regional language key as that language", () => {
      const regional = configOf(
        minimalDocument({ prompts: { templates: { handoff_message: { "en-US": "Howdy!" } } } }),
      );
      expect(templateForLanguage(regional, "handoff_message", "en")).toBe("Howdy!");
      expect(escalationText(regional, "custom", "ru")).toBe(DEFAULT_TEXTS.handoff_message!.ru);
    });
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
