import { describe, expect, it } from "vitest";

import { extractContacts } from "../src";

const phones = (text: string, defaultCountry?: "RU" | "AE") =>
  extractContacts(text, defaultCountry ? { defaultCountry } : {}).phoneNumbers;
const emails = (text: string) => extractContacts(text).emails;

describe("extractContacts: phone formats", () => {
  it.each([
    ["+7 (912) 345-67-89", undefined, "+79123456789"],
    ["8 (912) 345 67 89", "RU", "+79123456789"],
    ["00971 50 123 4567", undefined, "+971501234567"],
    ["+971501234567", undefined, "+971501234567"],
    ["050 123 4567", "AE", "+971501234567"],
    ["phone: 050-123-45-67", "AE", "+971501234567"],
    ["you can reach me on 055.123.4567", "AE", "+971551234567"],
    ["text me at +44 (0) 7911 123456", undefined, "+447911123456"],
    ["my mobile number is (+971) 50-123-4567", undefined, "+971501234567"],
    ["Office line 04 321 4567", "AE", "+97143214567"],
    ["pls call 0 5 0 1 2 3 4 5 6 7", "AE", "+971501234567"],
  ] as const)("reads %j (default %s)", (text, country, expected) => {
    expect(phones(text, country)).toEqual([expected]);
  });

  it("reads a Russian trunk 8 without a default country when the number is a Russian mobile", () => {
    expect(phones("8 912 345 67 89 Анна")).toEqual(["+79123456789"]);
    expect(phones("my Russian number 8 912 345 67 89")).toEqual(["+79123456789"]);
    expect(phones("8 912 345 67 89 from Moscow", "AE")).toEqual(["+79123456789"]);
  });

  it("reads a non-mobile trunk 8 only with Russian text or a phone cue", () => {
    expect(phones("Мой казахстанский: 8 727 250 12 34")).toEqual(["+77272501234"]);
    expect(phones("8 727 250 12 34")).toEqual([]);
  });

  it("reads numbers glued to Cyrillic and Arabic words", () => {
    expect(phones("мой номер89123456789")).toEqual(["+79123456789"]);
    expect(phones("رقمي 0501234567", "AE")).toEqual(["+971501234567"]);
    expect(phones("رقمي+971582223344")).toEqual(["+971582223344"]);
    expect(phones("my number+971501234567")).toEqual(["+971501234567"]);
  });

  it("normalises Arabic-Indic, Persian and full-width digits and bidi marks", () => {
    expect(phones("رقمي ٠٥٠١٢٣٤٥٦٧", "AE")).toEqual(["+971501234567"]);
    expect(phones("رقم الجوال ۰۵۵۱۲۳۴۵۶۷", "AE")).toEqual(["+971551234567"]);
    expect(phones("Номер телефона: ８９１２３４５６７８９")).toEqual(["+79123456789"]);
    expect(phones("اتصلوا بي \u200f+٩٧١٥٠١٢٣٤٥٦٧")).toEqual(["+971501234567"]);
  });

  it("reads tel: and WhatsApp links but not digits in other links", () => {
    expect(phones("tel:+971547654321")).toEqual(["+971547654321"]);
    expect(phones("https://wa.me/971501234567")).toEqual(["+971501234567"]);
    expect(phones("https://clinic.example.com/doctors/0551234567/profile", "AE")).toEqual([]);
  });

  it("returns several numbers in order of appearance, each once", () => {
    expect(phones("Номер жены 8(921)777-88-99, мой 8 950 000 11 22", "RU")).toEqual([
      "+79217778899",
      "+79500001122",
    ]);
    expect(phones("050 123 4567 050 765 4321", "AE")).toEqual(["+971501234567", "+971507654321"]);
    expect(phones("tel: 8 (912) 345-67-89, 8 (912) 345-67-89")).toEqual(["+79123456789"]);
  });

  it("reads numbers written without + only when the country is clear", () => {
    expect(phones("Можно в ватсап 79991234567")).toEqual(["+79991234567"]);
    expect(phones("can u call 971501234567")).toEqual(["+971501234567"]);
    expect(phones("971501234567")).toEqual([]);
    expect(phones("мой номер 912-345-67-89")).toEqual(["+79123456789"]);
    expect(phones("050 123 4567")).toEqual([]);
  });

  it("accepts a +number outside known ranges only next to a phone cue", () => {
    expect(phones("phone +7 123 456 78 90")).toEqual(["+71234567890"]);
    expect(phones("+7 123 456 78 90")).toEqual([]);
  });
});

describe("extractContacts: what is not a phone number", () => {
  it.each([
    ["Сколько стоит имплант? Нашла у вас цену 35 000 руб", "RU"],
    ["How much is whitening? I saw AED 1,200 on Instagram", "AE"],
    ["I paid $450.00 yesterday", undefined],
    ["Стоимость 1 500 000 сум? Дорого", undefined],
    ["Запись на 12.03.2025 в 14:30", "RU"],
    ["Appointment on 2025-03-12 at 10:30", "AE"],
    ["Is 12/03 ok?", undefined],
    ["Вы работаете с 9:00 до 18:00?", undefined],
    ["order #123456789", "AE"],
    ["Заказ № 4567891234 не пришел", "RU"],
    ["ID 9876543210 в вашем приложении", "RU"],
    ["Booking ID 0501234567", "AE"],
    ["номер заказа 9161234567", "RU"],
    ["رقم الحجز ٠٥٠١٢٣٤٥٦٧", "AE"],
    ["в 2024 году делала чистку", undefined],
    ["card 4111 1111 1111 1111 declined", "AE"],
    ["оплатила картой 2202200123456789", "RU"],
    ["IBAN AE07 0331 2345 6789 0123 456 for the refund", "AE"],
    ["PO Box 12345, Dubai", "AE"],
    ["Индекс 123456, Москва", "RU"],
    ["I take 500 mg paracetamol", undefined],
    ["Прохожу 10 000 шагов в день", undefined],
    ["Discount 20%?", undefined],
    ["App version 10.0.19045.2965 crashes", "AE"],
    ["Emirates ID 784-1990-1234567-1", "AE"],
  ] as const)("rejects %j", (text, country) => {
    expect(phones(text, country)).toEqual([]);
  });

  it("keeps the phone in a message that also has a price, a date and an order number", () => {
    const text =
      "Hi! I paid $450.00 deposit on 12.03.2025. Order #123456789. Call me on +971 56 456 7890";
    expect(phones(text)).toEqual(["+971564567890"]);
    expect(phones("Номер заказа 4567891234, my phone +7 912 345 67 89")).toEqual(["+79123456789"]);
  });

  it("rejects the date-like number that the min metadata would accept as a UAE landline", () => {
    expect(phones("2025 0312", "AE")).toEqual([]);
    expect(phones("Я записана на 2025-03-12", "AE")).toEqual([]);
  });

  it("finishes a message of thousands of one-digit groups (regression: cubic search)", () => {
    expect(phones("1 ".repeat(3000), "RU")).toEqual([]);
  });
});

describe("extractContacts: e-mails", () => {
  it("finds addresses with plus tags and subdomains, lower-cased and unique", () => {
    expect(
      emails("Email me at Sara.K+Booking@Mail.Clinic.co.uk, or sara.k+booking@mail.clinic.co.uk"),
    ).toEqual(["sara.k+booking@mail.clinic.co.uk"]);
    expect(emails("contact me at first.last+dental@gmail.com.")).toEqual([
      "first.last+dental@gmail.com",
    ]);
  });

  it("finds addresses on Cyrillic and punycode domains and stops at the script change", () => {
    expect(emails("Почта: Olga@почта.рф")).toEqual(["olga@почта.рф"]);
    expect(emails("support@xn--80ak6aa92e.com wrote")).toEqual(["support@xn--80ak6aa92e.com"]);
    expect(emails("email: anna@mail.ruпишите сюда")).toEqual(["anna@mail.ru"]);
  });

  it("ignores handles, incomplete addresses and domains without a dot", () => {
    expect(emails("I'm @username on instagram, tag @dr.smith.dubai")).toEqual([]);
    expect(emails("my mail is user@ hmm")).toEqual([]);
    expect(emails("my email is john@gmail lol")).toEqual([]);
    expect(emails("name@@example.com")).toEqual([]);
  });

  it("does not read the digits of an address as a phone", () => {
    expect(extractContacts("89123456789@mail.ru")).toEqual({
      phoneNumbers: [],
      emails: ["89123456789@mail.ru"],
    });
  });
});
