import { describe, expect, it } from "vitest";
import {
  MAX_PREFIX,
  MAX_QUERY_TERMS,
  digitRunPhones,
  foldText,
  phoneTerms,
  queryTerms,
  shortConversationId,
  textTerms,
} from "../src/search";

const terms = (text: string) => textTerms(text, digitRunPhones);

describe("foldText", () => {
  it("folds case and accents in Latin, ё in Russian, and keeps й", () => {
    expect(foldText("José ÅNGSTRÖM Crème")).toBe("jose angstrom creme");
    expect(foldText("Фёдор ЛЁША")).toBe("федор леша");
    expect(foldText("Йошкар-Ола, мой")).toBe("йошкар-ола, мой");
  });

  it("strips Arabic tashkeel and tatweel and unifies alef, ya and ta marbuta forms", () => {
    expect(foldText("مُحَمَّد")).toBe("محمد");
    expect(foldText("مـــرحبا")).toBe("مرحبا");
    expect(foldText("أحمد إيمان آمنة")).toBe("احمد ايمان امنه");
    expect(foldText("مستشفى")).toBe("مستشفي");
    expect(foldText("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789");
  });
});

describe("textTerms", () => {
  it("indexes words with their prefixes from 3 letters up to MAX_PREFIX", () => {
    const found = terms("Мария");
    expect(found).toEqual(expect.arrayContaining(["мария", "мар", "мари"]));
    expect(found).not.toContain("ма");
    const long = terms("consultation");
    expect(long).toContain("consultation");
    expect(long).toContain("consultati".slice(0, MAX_PREFIX));
    expect(long).not.toContain("consultatio");
  });

  it("indexes an e-mail whole and by its local part, lower-cased", () => {
    expect(terms("write to Maria.Ivanova@Example.COM please")).toEqual(
      expect.arrayContaining(["maria.ivanova@example.com", "maria.ivanova", "example"]),
    );
  });

  it("indexes a phone by its E.164 digits and its last 7+ digits", () => {
    expect(terms("call +7 912 345-67-89")).toEqual(
      expect.arrayContaining(["79123456789", "9123456789", "3456789"]),
    );
  });

  it("also indexes an Arabic word without its article or one-letter proclitic", () => {
    expect(terms("لِتَبْيِيضِ الأَسْنَانِ والعيادة")).toEqual(
      expect.arrayContaining(["لتبييض", "تبييض", "الاسنان", "اسنان", "والعياده", "عياده"]),
    );
    // Too short to hold a proclitic and a word: "ولد" (a boy) stays whole.
    expect(terms("ولد")).toEqual(["ولد"]);
  });

  it("skips single letters but keeps numbers", () => {
    expect(terms("a 5 b")).toEqual(["5"]);
  });
});

describe("phoneTerms", () => {
  it("adds the national-format digits a reader knows", () => {
    expect([...phoneTerms([{ e164: "+79123456789", nationalDigits: "89123456789" }])]).toEqual(
      expect.arrayContaining(["79123456789", "89123456789", "9123456789"]),
    );
  });
});

describe("queryTerms", () => {
  it("reads a phone in any format as its digits", () => {
    expect(queryTerms("8 912 345-67-89")).toEqual(["89123456789"]);
    expect(queryTerms("+79123456789")).toEqual(["79123456789"]);
    expect(queryTerms("(912) 345 6789")).toEqual(["9123456789"]);
    // "00" is the international prefix: the index holds the E.164 digits without it.
    expect(queryTerms("0049 (151) 2345-6789")).toEqual(["4915123456789"]);
    expect(queryTerms("0151 23456789")).toEqual(["015123456789"]);
  });

  it("keeps a full id and an e-mail whole, and reads the short id as a word", () => {
    const id = "0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e8c5c2a";
    expect(queryTerms(id.toUpperCase())).toEqual([id]);
    expect(queryTerms(`#${shortConversationId(id)}`)).toEqual(["8c5c2a"]);
    expect(queryTerms("Maria@Example.com")).toEqual(["maria@example.com"]);
  });

  it("folds words like the index does and caps the number of terms", () => {
    expect(queryTerms("ЁЛКА Crème")).toEqual(["елка", "creme"]);
    expect(queryTerms("a b c d e f g h i j k l")).toEqual([]);
    expect(queryTerms("one two three four five six seven eight")).toHaveLength(MAX_QUERY_TERMS);
  });
});

describe("very long texts", () => {
  it("index only their start, in bounded time, with the real phone reader's shape", () => {
    const tail = "zanzibar";
    const text = `hello +7 912 345-67-89 ${"x".repeat(200_000)} ${tail}`;
    const started = performance.now();
    const found = terms(text);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(found).toContain("hello");
    expect(found).not.toContain(tail);
  });
});

describe("over-long words", () => {
  it("are indexed and looked up by their start only, so no term can pass DynamoDB's key limit", () => {
    const blob = "q".repeat(5_000);
    const found = terms(`see ${blob}`);
    expect(found.every((term) => term.length <= 254)).toBe(true);
    expect(found).toContain("q".repeat(MAX_PREFIX));
    expect(queryTerms(blob)).toEqual(["q".repeat(MAX_PREFIX)]);
  });
});
