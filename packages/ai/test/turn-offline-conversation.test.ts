import { DEMO_AGENT_ID, demoAgentDocument } from "@agents-crm/config/agent-config";
import { beforeAll, describe, expect, it } from "vitest";
import type { LlmProviders } from "../src/providers/types";
import type { KnowledgeBase } from "../src/rag/types";
import { runTurn } from "../src/turn/run-turn";
import type { HistoryMessage, TurnResult } from "../src/turn/types";
import { configOf, offlineAgent } from "./turn-kit";

const config = configOf(demoAgentDocument);
// Tuesday 12:00 in Dubai: the demo clinic is open.
const now = new Date("2025-03-04T08:00:00Z");
let providers: LlmProviders;
let knowledge: KnowledgeBase;

beforeAll(async () => {
  ({ providers, knowledge } = await offlineAgent(DEMO_AGENT_ID, config));
});

/** Plays a conversation turn by turn, keeping the history as the API would. */
function conversation() {
  const history: HistoryMessage[] = [];
  return async (message: string): Promise<TurnResult> => {
    const result = await runTurn(
      {
        agentId: DEMO_AGENT_ID,
        config,
        history: [...history],
        messages: [message],
        channel: "web_chat",
        now,
      },
      { providers, knowledge },
    );
    history.push(
      { role: "user", content: message, timestamp: now },
      { role: "agent", content: result.reply?.text ?? "", timestamp: now },
    );
    return result;
  };
}

describe("offline demo conversation", () => {
  it("greets, answers from the knowledge, admits what it does not know, and hands a booking over", async () => {
    const say = conversation();

    const hello = await say("Hi!");
    expect(hello.reply?.text).toMatch(/^Hello! This is the assistant of Sunrise Family Clinic/);
    expect(hello.escalation.needed).toBe(false);

    const price = await say("How much does a teeth cleaning cost?");
    // Regression: every answer opened with a robotic "Sunrise Family Clinic here —".
    expect(price.reply?.text).toBe(
      "Professional teeth cleaning costs 350 AED and takes about 45 minutes. Is there anything else I can help with?",
    );
    expect(price.sources.map((s) => s.sourceId)).toEqual(["services_prices"]);

    const hours = await say("Are you open on Saturday?");
    expect(hours.reply?.text).toContain("on Saturday from 10:00 to 16:00");
    expect(hours.reply?.text).not.toContain("AED");

    const doctor = await say("Who is your orthodontist?");
    expect(doctor.reply?.text).toContain("Dr. Omar Haddad is our dentist and orthodontist");

    const unknown = await say("Do you sell bicycles?");
    expect(unknown.reply?.text).toContain("I don't have that information");
    expect(unknown.escalation.needed).toBe(false);

    const booking = await say("Great, I'd like to book a cleaning");
    expect(booking.escalation).toMatchObject({ needed: true, type: "booking" });
    expect(booking.reply?.text).toContain("leave your phone number");

    const phone = await say("050 123 4567");
    expect(phone.escalation).toMatchObject({ needed: true, type: "contact" });
    expect(phone.contacts.phoneNumbers).toEqual(["+971501234567"]);
    expect(phone.reply?.text).toContain("passed your contact to our administrator");
    for (const turn of [hello, price, phone]) {
      expect(turn.flags.offline).toBe(true);
      expect(turn.usage.costUsd).toBe(0);
    }
  });

  it("speaks Russian with a Russian-speaking customer and escalates urgent messages", async () => {
    const say = conversation();
    expect((await say("Здравствуйте!")).reply?.text).toMatch(
      /^Здравствуйте! Это ассистент Sunrise Family Clinic/,
    );
    const price = await say("Сколько стоит консультация врача?");
    expect(price.reply?.text).toContain("Консультация семейного врача стоит 300 AED");
    const where = await say("Где вы находитесь?");
    expect(where.reply?.text).toContain("Al Wasl Road");
    expect(where.reply?.text).toContain("Мы находимся");
    const urgent = await say("Срочно! У ребёнка сильное кровотечение");
    expect(urgent.escalation).toMatchObject({ needed: true, type: "urgent" });
    expect(urgent.reply?.text).toContain("998");
  });

  // Regression: "What are your hours and the price of a cleaning?" was answered with the price only.
  it("answers every question of a message, from the knowledge as written", async () => {
    const say = conversation();
    const both = await say("What are your hours and the price of a cleaning?");
    expect(both.reply?.text).toBe(
      "Sunrise Family Clinic is open Monday to Friday from 9:00 to 20:00 and on Saturday from 10:00 to 16:00. " +
        "Professional teeth cleaning costs 350 AED and takes about 45 minutes. " +
        "Is there anything else I can help with?",
    );
    expect(both.sources.map((s) => s.sourceId).sort()).toEqual([
      "hours_address",
      "services_prices",
    ]);
    expect(both.escalation.needed).toBe(false);

    const twoSentences = await say("Hello! Where are you located? Is there parking?");
    expect(twoSentences.reply?.text).toMatch(/^Hello! We are located at 14 Al Wasl Road/);
    expect(twoSentences.reply?.text).toContain("Free parking is available behind the building.");

    const doctorAndPrice = await say(
      "Who is your pediatrician and how much is a children's check-up?",
    );
    expect(doctorAndPrice.reply?.text).toContain("Dr. Sofia Rossi is our pediatrician");
    expect(doctorAndPrice.reply?.text).toContain(
      "A children's check-up (from 3 years old) costs 250 AED.",
    );
  });

  it("answers every question in Russian, in Russian only", async () => {
    const say = conversation();
    const both = await say("Какие у вас часы работы и сколько стоит чистка зубов?");
    expect(both.reply?.text).toBe(
      "Клиника работает с понедельника по пятницу с 9:00 до 20:00, в субботу с 10:00 до 16:00. " +
        "Профессиональная чистка зубов стоит 350 AED и занимает около 45 минут. Чем ещё могу помочь?",
    );
    const where = await say("Где вы находитесь? Есть ли парковка?");
    expect(where.reply?.text).toBe(
      "Мы находимся по адресу: Дубай, Джумейра 1, Al Wasl Road, 14, рядом с Sunrise Mall. " +
        "За зданием есть бесплатная парковка. Чем ещё могу помочь?",
    );
  });

  it("says which part it cannot answer, and hands over when the customer accepts", async () => {
    const say = conversation();
    const partly = await say("Do you sell bicycles and what are your hours?");
    expect(partly.reply?.text).toContain("open Monday to Friday from 9:00 to 20:00");
    expect(partly.reply?.text).toContain("I don't have information on the rest of your question");
    expect(partly.escalation.needed).toBe(false);
    const yes = await say("yes please");
    expect(yes.escalation).toMatchObject({ needed: true, type: "custom" });

    const ru = await conversation()("Вы продаёте велосипеды? Где вы находитесь?");
    expect(ru.reply?.text).toContain("Al Wasl Road");
    expect(ru.reply?.text).toContain("По остальной части вопроса у меня нет информации");
  });

  it("greets an Arabic-speaking customer in Arabic", async () => {
    const hello = await conversation()("مرحبا");
    expect(hello.language).toBe("ar");
    expect(hello.reply?.text).toMatch(/^مرحبًا! معك مساعد Sunrise Family Clinic/);
  });

  it("hands over when the customer accepts the offer of a person", async () => {
    const say = conversation();
    await say("Can you recommend a good restaurant nearby?");
    const yes = await say("yes please");
    expect(yes.escalation).toMatchObject({ needed: true, type: "custom" });
  });
});
