import { describe, expect, it } from "vitest";
import { evaluateRules } from "../src/rules/evaluate-rules";
import { detectCustomerLanguage } from "../src/rules/language";
import { matchTriggers } from "../src/rules/triggers";
import { isWithinWorkingHours } from "../src/rules/working-hours";
import { configOf, minimalDocument } from "./turn-kit";

const config = configOf(
  minimalDocument({
    escalation: {
      triggers: {
        urgent_keywords: ["сильная боль", "не могу дышать", "Ребёнок", "chest pain"],
        medical_question_keywords: ["диагноз", "болит*"],
        repeat_patient_keywords: ["я уже был(а)"],
        booking_keywords: ["записаться", "book"],
        vip_keywords: ["VIP"],
        arabic_keywords: ["طوارئ"],
        phone_number_detect: { enabled: true, regex: "\\d+" },
        not_a_list: "записаться",
      },
    },
  }),
);

const types = (text: string) => matchTriggers(config, text).map((hit) => hit.type);

describe("keyword triggers", () => {
  it("match case-insensitively, across whitespace, with ё/е folded and NFKC applied", () => {
    expect(types("У меня СИЛЬНАЯ   боль")).toEqual(["urgent"]);
    expect(types("НЕ МОГУ\nДЫШАТЬ")).toEqual(["urgent"]);
    expect(types("ребенок заболел")).toEqual(["urgent"]);
    expect(types("Ｃｈｅｓｔ pain since morning")).toEqual(["urgent"]);
  });

  it("respect Cyrillic and Latin word boundaries; a trailing * matches any ending", () => {
    expect(types("диагнозы")).toEqual([]);
    expect(types("какой диагноз?")).toEqual(["medical"]);
    expect(types("болит зуб")).toEqual(["medical"]);
    expect(types("болится")).toEqual(["medical"]);
    expect(types("my facebook page")).toEqual([]);
    expect(types("can I book a visit")).toEqual(["booking"]);
  });

  it("read a bracketed ending as optional (был(а) = был or была)", () => {
    expect(types("я уже был у вас")).toEqual(["repeat_patient"]);
    expect(types("я уже была у вас")).toEqual(["repeat_patient"]);
  });

  it("map list names to types (others are custom) and ignore entries that are not lists", () => {
    expect(types("I am a vip customer")).toEqual(["custom"]);
    expect(types("حالة طوارئ")).toEqual(["custom"]);
    expect(matchTriggers(config, "хочу записаться").map((hit) => hit.list)).toEqual([
      "booking_keywords",
    ]);
  });
});

describe("rules verdict", () => {
  it("escalates on contacts, unless phone detection is off", () => {
    const verdict = evaluateRules(config, "my number is +971 50 123 4567");
    expect(verdict.contacts.phoneNumbers).toEqual(["+971501234567"]);
    expect(verdict.candidates).toEqual([
      expect.objectContaining({ type: "contact", source: "rules" }),
    ]);
    const off = configOf(minimalDocument({ escalation: { phone_detection: { enabled: false } } }));
    expect(evaluateRules(off, "my number is +971 50 123 4567").candidates).toEqual([]);
    expect(evaluateRules(config, "write to me: anna@example.com").candidates[0]?.type).toBe(
      "contact",
    );
  });
});

describe("working hours", () => {
  const clinic = configOf(
    minimalDocument({
      working_hours: {
        timezone: "Asia/Dubai",
        schedule: {
          mon: ["09:00-18:00"],
          fri: ["20:00-02:00"],
          saturday: ["10:00-14:00"],
          sun: [],
        },
      },
    }),
  );
  // 2025-03-03 is a Monday; Dubai is UTC+4.
  const at = (iso: string) => isWithinWorkingHours(clinic, new Date(iso));

  it("reads the schedule in the agent's time zone", () => {
    expect(at("2025-03-03T05:00:00Z")).toBe(true);
    expect(at("2025-03-03T04:59:00Z")).toBe(false);
    expect(at("2025-03-03T14:00:00Z")).toBe(false);
    expect(at("2025-03-04T06:00:00Z")).toBe(false);
    expect(at("2025-03-09T08:00:00Z")).toBe(false);
  });

  it("handles ranges past midnight and long day names", () => {
    expect(at("2025-03-07T17:00:00Z")).toBe(true);
    expect(at("2025-03-07T21:30:00Z")).toBe(true);
    expect(at("2025-03-07T22:30:00Z")).toBe(false);
    expect(at("2025-03-08T07:00:00Z")).toBe(true);
  });

  it("is always open without a schedule", () => {
    expect(
      isWithinWorkingHours(configOf(minimalDocument()), new Date("2025-03-09T23:00:00Z")),
    ).toBe(true);
  });
});

describe("customer language", () => {
  it("follows the script, then earlier messages, then the agent's first language", () => {
    expect(detectCustomerLanguage(["Здравствуйте"], [], ["en"])).toBe("ru");
    expect(detectCustomerLanguage(["مرحبا"], [], ["en"])).toBe("ar");
    expect(detectCustomerLanguage(["Hello"], [], ["ru"])).toBe("en");
    expect(detectCustomerLanguage(["+7 912 345 67 89"], ["Привет", "123"], ["en"])).toBe("ru");
    expect(detectCustomerLanguage(["+7 912 345 67 89"], [], ["ar", "en"])).toBe("ar");
  });
});
