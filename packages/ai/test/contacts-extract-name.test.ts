import { describe, expect, it } from "vitest";
import { extractCustomerName, isPlausibleName } from "../src/contacts/extract-name";

/** Labelled: the message and the name it gives (null: none). Hard negatives included on purpose. */
const LABELLED: [string, string | null][] = [
  // English
  ["Hi, I am Maria", "Maria"],
  ["Hello! My name is Maria and I'd like to book a cleaning", "Maria"],
  ["my name is john", "John"],
  ["I'm Anna Petrova, I wrote yesterday", "Anna Petrova"],
  ["Good morning, this is urgent. I’m Omar", "Omar"],
  ["Please call me Kate", "Kate"],
  ["Name is David. Do you work on Sundays?", "David"],
  ["I am sick since Monday", null],
  ["I am looking for a dentist", null],
  ["I'm interested in whitening", null],
  ["I am Maria's mother, she has a fever", null],
  ["i am fine thanks", null],
  ["I am not sure", null],
  ["Call me back please", null],
  ["I am allergic to penicillin", null],
  ["I'm Russian, do you speak Russian?", null],
  ["Can I book for Monday?", null],
  ["I am at the clinic now", null],
  // Russian
  ["Здравствуйте, меня зовут Мария", "Мария"],
  ["меня зовут ольга, хочу записаться", "Ольга"],
  ["Я Мария, хочу записаться на чистку", "Мария"],
  ["Добрый день! Я — Иван Петров", "Иван Петров"],
  ["Моё имя Светлана", "Светлана"],
  ["я хочу записаться к стоматологу", null],
  ["Я хочу узнать цену", null],
  ["Я Вам писала вчера", null],
  ["я в Москве живу", null],
  ["Я беременна, можно ли делать рентген?", null],
  ["Я не могу прийти завтра", null],
  ["Сколько стоит приём?", null],
  // Arabic
  ["اسمي مريم", "مريم"],
  ["مرحبا، اسمي هو أحمد وأريد موعدا", "أحمد"],
  ["انا اسمي سارة", "سارة"],
  ["أنا مريض وأحتاج موعدا", null],
  ["أريد حجز موعد", null],
  ["كم سعر التنظيف؟", null],
];

describe("the name a customer gives, by rules", () => {
  it.each(LABELLED)("%s → %s", (text, name) => {
    expect(extractCustomerName(text)).toBe(name);
  });

  it("takes the first introduction and ignores phones and e-mails", () => {
    expect(extractCustomerName("I'm writing for my son. My name is Lena, +7 916 123 45 67")).toBe(
      "Lena",
    );
  });

  it("accepts only plausible names from a model", () => {
    expect(isPlausibleName("Maria")).toBe(true);
    expect(isPlausibleName("Мария Иванова")).toBe(true);
    expect(isPlausibleName("مريم")).toBe(true);
    expect(isPlausibleName("")).toBe(false);
    expect(isPlausibleName("maria@example.com")).toBe(false);
    expect(isPlausibleName("+79161234567")).toBe(false);
    expect(isPlausibleName("a very long sentence that is not a name at all")).toBe(false);
  });
});
