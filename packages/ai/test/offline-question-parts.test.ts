import { describe, expect, it } from "vitest";
import { questionParts } from "../src/offline/question-parts";

const texts = (message: string) => questionParts(message).map((part) => part.text);

describe("the offline model's question parts", () => {
  it("split a message into its questions: sentences, and clauses joined by 'and'", () => {
    expect(texts("What are your hours and the price of a cleaning?")).toEqual([
      "What are your hours",
      "the price of a cleaning",
    ]);
    expect(texts("Where are you? Do you take AXA, and also can I pay by card?")).toEqual([
      "Where are you",
      "Do you take AXA",
      "can I pay by card",
    ]);
    expect(texts("Какие у вас часы работы и сколько стоит чистка?")).toEqual([
      "Какие у вас часы работы",
      "сколько стоит чистка",
    ]);
    expect(texts("ما هي ساعات العمل وكم سعر التنظيف؟")).toEqual([
      "ما هي ساعات العمل",
      "كم سعر التنظيف",
    ]);
  });

  it("keep a single question whole and skip clauses with nothing to answer", () => {
    expect(texts("How much does a teeth cleaning cost?")).toEqual([
      "How much does a teeth cleaning cost",
    ]);
    expect(texts("Hi! Thanks. How much is whitening?")).toEqual(["How much is whitening"]);
    expect(texts("Hello, can you help me? I have a question. Where are you?")).toEqual([
      "Where are you",
    ]);
    expect(texts("Помогите, пожалуйста! У меня вопрос: где вы находитесь?")).toEqual([
      "У меня вопрос: где вы находитесь",
    ]);
  });

  it("tell questions from statements", () => {
    expect(questionParts("I'm a new patient. Where do I park")).toEqual([
      { text: "I'm a new patient", asks: false },
      { text: "Where do I park", asks: true },
    ]);
    expect(questionParts("Есть ли парковка?")[0]?.asks).toBe(true);
  });

  it("carry what an 'it' points back at", () => {
    expect(texts("How much is a consultation and how long does it take?")).toEqual([
      "How much is a consultation",
      "how long does it take (How much is a consultation)",
    ]);
  });
});
