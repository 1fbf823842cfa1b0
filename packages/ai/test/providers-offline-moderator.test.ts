import { describe, expect, it } from "vitest";
import { createOfflineModerator } from "../src/offline/moderator";

const moderator = createOfflineModerator();
const categoryOf = async (text: string) => (await moderator.moderate(text)).category;

describe("offline moderator", () => {
  it.each([
    ["Fuck you, useless clinic", "harassment"],
    ["you IDIOT, answer me", "harassment"],
    ["I will kill you if you call again", "violence"],
    ["I want to kill myself", "self-harm"],
    ["send nudes", "sexual"],
    ["Ты тупая сука", "harassment"],
    ["Иди нахуй со своими скидками", "harassment"],
    ["Я тебя убью", "violence"],
    ["Хочу покончить с собой", "self-harm"],
    ["СУКААА", "harassment"],
    ["يا حمار", "harassment"],
    ["سأقتلك", "violence"],
    ["وسأقتلك غدا", "violence"],
    ["أريد أن أموت", "self-harm"],
  ])("flags %j as %s", async (text, category) => {
    const result = await moderator.moderate(text);
    expect(result.flagged).toBe(true);
    expect(result.category).toBe(category);
    expect(result.categories[category]).toBe(true);
    expect(result.categoryScores[category]).toBeGreaterThan(0.5);
  });

  it.each([
    "Hello! Can I book an appointment for my child on Saturday?",
    "Does the injection hurt? I cut myself shaving yesterday.",
    "Can an overdose of paracetamol kill you?",
    "I'm from Scunthorpe, do you have parking near the clinic?",
    "My therapist recommended you. What is the price of a consultation?",
    "Сколько стоит консультация дерматолога?",
    "У меня болит голова и температура 38, можно записаться?",
    "Можно ли употреблять жидкость после процедуры? Я с корабля, звоню с суккулентами в руках",
    "Оскорблять никого не хочу, просто спрашиваю про удаление родинок",
    "ما هي ساعات العمل يوم السبت؟",
    "أريد حجز موعد مع الطبيب، اسمي عبد الله",
    "عندي كلب صغير، هل يمكنني إحضاره؟",
  ])("does not flag %j", async (text) => {
    const result = await moderator.moderate(text);
    expect(result.flagged).toBe(false);
    expect(result.category).toBeNull();
  });

  it("picks the gravest category when several match and reports local metrics", async () => {
    const result = await moderator.moderate("fuck you, I want to die");
    expect(result.category).toBe("self-harm");
    expect(result.categories.harassment).toBe(true);
    expect(result.metrics).toMatchObject({
      step: "moderation",
      costUsd: 0,
      usage: { totalTokens: 0 },
    });
    expect(await categoryOf("")).toBeNull();
  });
});
