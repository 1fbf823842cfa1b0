import { describe, expect, it } from "vitest";
import { fillCannedVariables, shortcutSchema } from "../src/canned-responses";

describe("canned response variables", () => {
  it("fills the known variables and leaves unknown or empty ones visible", () => {
    const text =
      "Hi {customer_name}, {agent_name} of {clinic_name} here. {unknown} {customer_name}";
    expect(
      fillCannedVariables(text, {
        customer_name: "Anna",
        agent_name: "Dr. Markova",
        clinic_name: "Sunrise",
      }),
    ).toBe("Hi Anna, Dr. Markova of Sunrise here. {unknown} Anna");
    expect(fillCannedVariables(text, { customer_name: "  ", clinic_name: null })).toBe(text);
  });

  it("does not treat a value's braces as variables again", () => {
    expect(fillCannedVariables("{customer_name}", { customer_name: "{clinic_name}" })).toBe(
      "{clinic_name}",
    );
  });
});

describe("shortcuts", () => {
  it("folds case and trims, and refuses spaces and slashes", () => {
    expect(shortcutSchema.parse(" Hours ")).toBe("hours");
    expect(shortcutSchema.parse("Запись")).toBe("запись");
    expect(shortcutSchema.safeParse("two words").success).toBe(false);
    expect(shortcutSchema.safeParse("/x").success).toBe(false);
    expect(shortcutSchema.safeParse("-x").success).toBe(false);
  });
});
