import { describe, expect, it } from "vitest";
import { causeWords, escalationTypeLabel, sentKind } from "./escalation-words";

describe("hand-over reasons and escalation types in the reader's language", () => {
  it("words each cause in English and Russian", () => {
    const photo = { code: "unreadable_message", kind: "photo" } as const;
    expect(causeWords(photo, "en")).toBe("The customer sent a photo the agent cannot read");
    expect(causeWords(photo, "ru")).toBe("Клиент прислал фото: агент не может это прочитать");
    const keyword = { code: "keyword", kind: "booking_keywords", detail: "записаться" } as const;
    expect(causeWords(keyword, "ru")).toBe("Ключевое слово «записаться» (booking_keywords)");
    expect(causeWords({ code: "contact_shared", kind: "phone" }, "ru")).toBe(
      "Клиент оставил номер телефона",
    );
    expect(causeWords({ code: "contact_shared", kind: "email" }, "en")).toBe(
      "The customer shared an e-mail address",
    );
  });

  it("words the safety net's categories and deciding words (several categories of one type too)", () => {
    const cause = {
      code: "safety_net",
      kind: "symptoms,pregnancy",
      detail: "hurts; pregnant",
    } as const;
    expect(causeWords(cause, "en")).toBe(
      'Safety net: symptoms ("hurts"); pregnancy or breastfeeding ("pregnant")',
    );
    expect(causeWords(cause, "ru")).toBe(
      "Проверка безопасности: симптомы («hurts»); беременность или кормление («pregnant»)",
    );
    // The model's own reason, when it agreed, leads as written.
    expect(causeWords({ ...cause, lead: "Asks about a dose" }, "ru")).toMatch(
      /^Asks about a dose; Проверка безопасности: симптомы/,
    );
    // A category this console does not know yet stays as stored.
    expect(causeWords({ code: "safety_net", kind: "hearing", detail: "ear" }, "ru")).toBe(
      "Проверка безопасности: hearing («ear»)",
    );
  });

  it("labels known types and keeps unknown ones (never a prototype's member)", () => {
    expect(escalationTypeLabel("unreadable_message", "ru")).toBe(
      "Сообщение, которое агент не может прочитать",
    );
    expect(escalationTypeLabel("booking", "en")).toBe("Booking");
    expect(escalationTypeLabel("toString", "en")).toBe("toString");
    expect(sentKind("constructor", "ru")).toBe("сообщение");
  });
});
