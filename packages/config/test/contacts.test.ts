import { describe, expect, it } from "vitest";
import {
  contactMergeInputSchema,
  labelSchema,
  labelsSchema,
  nameSourceRank,
  normalizeEmail,
  normalizePhone,
  normalizeStaffPhone,
} from "../src/contacts";

describe("contact contracts", () => {
  it("labels are trimmed, lower-cased, any script, and refuse punctuation", () => {
    expect(labelSchema.parse("  VIP ")).toBe("vip");
    expect(labelSchema.parse("Постоянный клиент")).toBe("постоянный клиент");
    expect(labelSchema.parse("مريض_جديد")).toBe("مريض_جديد");
    expect(labelSchema.safeParse("a,b").success).toBe(false);
    expect(labelSchema.safeParse("").success).toBe(false);
    expect(labelSchema.safeParse("x".repeat(33)).success).toBe(false);
    expect(labelsSchema.parse(["VIP", "vip", "new"])).toEqual(["vip", "new"]);
  });

  it("phones normalise to E.164 and e-mails to lower case", () => {
    expect(normalizePhone("+7 (916) 123-45-67")).toBe("+79161234567");
    expect(normalizePhone("0044 20 7946 0958")).toBe("+442079460958");
    expect(normalizePhone("79161234567")).toBe("+79161234567");
    expect(normalizePhone("12")).toBeNull();
    expect(normalizeEmail(" Maria@Example.COM ")).toBe("maria@example.com");
    expect(normalizeEmail("not an email")).toBeNull();
  });

  it("a phone staff type needs its country code; without one it is refused, not stored wrong", () => {
    expect(normalizeStaffPhone("+7 999 123-45-67")).toBe("+79991234567");
    expect(normalizeStaffPhone(" 0049 151 2345 6789")).toBe("+4915123456789");
    // Read as if "8" and "999" were country codes (+89991234567, +9991234567) before.
    expect(normalizeStaffPhone("8 999 123-45-67")).toBeNull();
    expect(normalizeStaffPhone("9991234567")).toBeNull();
    expect(normalizeStaffPhone("+12")).toBeNull();
  });

  it("names from staff outrank the customer's, which outrank a profile's", () => {
    expect(nameSourceRank("staff")).toBeGreaterThan(nameSourceRank("customer"));
    expect(nameSourceRank("customer")).toBeGreaterThan(nameSourceRank("profile"));
    expect(nameSourceRank("profile")).toBeGreaterThan(nameSourceRank(null));
  });

  it("a contact cannot be merged into itself", () => {
    expect(contactMergeInputSchema.safeParse({ targetId: "a", sourceId: "a" }).success).toBe(false);
    expect(contactMergeInputSchema.safeParse({ targetId: "a", sourceId: "b" }).success).toBe(true);
  });
});
