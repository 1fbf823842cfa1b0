import { describe, expect, it } from "vitest";
import { asksToBeSentSomething } from "../src/offline/send-request";

describe("asking to be sent a document (offline rule)", () => {
  it.each([
    "send me your price list",
    "Please send me the price list",
    "Can you send the price list?",
    "could you email me your prices",
    "Send the map please",
    "пришлите прайс",
    "Пришлите, пожалуйста, прайс-лист",
    "скиньте прайс",
    "можете прислать инструкцию перед процедурой?",
    "отправьте мне карту проезда",
    "أرسل لي قائمة الأسعار",
    "ارسل لي قائمة الاسعار",
    "ممكن ترسل قائمة الأسعار؟",
    "ابعث لي الخريطة",
  ])("%s → yes", (message) => {
    expect(asksToBeSentSomething(message)).toBe(true);
  });

  it.each([
    "how much is the price list item X",
    "What is on your price list?",
    "How much does whitening cost?",
    "I sent you the price list yesterday",
    "don't send me anything, just tell me the price",
    "сколько стоит позиция из прайса?",
    "я отправил вам анализы",
    "не надо присылать прайс, скажите цену",
    "ما هي قائمة الأسعار؟",
    "كم سعر التبييض؟",
    "لقد أرسلت لكم الصورة",
    "Where is the clinic? Is there parking?",
  ])("%s → no", (message) => {
    expect(asksToBeSentSomething(message)).toBe(false);
  });
});
