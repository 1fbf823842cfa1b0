import { describe, expect, it } from "vitest";
import { runTurn } from "../src/turn/run-turn";
import { useTurnServer } from "./turn-fake-server";
import { configOf, minimalDocument, modelJson } from "./turn-kit";

const server = useTurnServer();
const config = configOf(minimalDocument());

function turn(message: string) {
  return runTurn(
    { agentId: "a", config, history: [], messages: [message], channel: "web_chat" },
    { providers: server.providers },
  );
}

// With a model configured, its judgement adds to the safety net and never takes a hand-over away.
describe("safety net with a model", () => {
  it("hands over what the net catches even when the model would answer", async () => {
    server.fake.setResponder(() => modelJson("Take 400 mg every 6 hours."));
    const result = await turn("Can I take ibuprofen for the pain? How much?");
    expect(result.escalation).toMatchObject({ needed: true, type: "medical", source: "rules" });
    expect(result.escalation.reason).toBe(
      'Safety net: medication ("ibuprofen", "can i take", "how much"); symptoms ("pain")',
    );
    expect(result.reply?.text).not.toContain("400 mg");
    expect(server.count("chat")).toBe(1);
  });

  it("keeps the model's own escalation where the net sees nothing", async () => {
    server.fake.setResponder(() =>
      modelJson("A colleague will help.", {
        needed: true,
        type: "medical",
        reason: "Asks whether a mole needs checking",
      }),
    );
    const result = await turn("Should someone look at the mole near my lip?");
    expect(result.escalation).toMatchObject({
      needed: true,
      type: "medical",
      source: "model",
      reason: "Asks whether a mole needs checking",
    });
  });

  it("names the net's words after the model's reason when both agree on the type", async () => {
    server.fake.setResponder(() =>
      modelJson("A doctor will advise you.", {
        needed: true,
        type: "medical",
        reason: "Asks about a medicine",
      }),
    );
    const result = await turn("Is aspirin ok before the extraction?");
    expect(result.escalation).toMatchObject({
      type: "medical",
      source: "model",
      reason: 'Asks about a medicine; Safety net: medication ("aspirin")',
    });
  });

  it("keeps the more severe of the two when both escalate", async () => {
    server.fake.setResponder(() =>
      modelJson("Please book a consultation.", {
        needed: true,
        type: "medical",
        reason: "Describes a symptom",
      }),
    );
    const result = await turn("I have chest pain");
    expect(result.escalation).toMatchObject({ type: "urgent", source: "rules" });
    expect(result.escalation.reason).toContain('urgent ("chest pain")');
  });

  it("does not hand over an ordinary question the model answers", async () => {
    server.fake.setResponder(() => modelJson("A cleaning is 300 AED."));
    const result = await turn("How much is a cleaning?");
    expect(result.escalation.needed).toBe(false);
    expect(result.reply?.text).toBe("A cleaning is 300 AED.");
  });
});
