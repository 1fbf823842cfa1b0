import { describe, expect, it } from "vitest";
import { insertAt, slashQueryAt } from "./slash-query";

describe("the / that opens the canned-response picker", () => {
  it("opens at the start of the text or of a word, with what follows as the query", () => {
    expect(slashQueryAt("/", 1)).toEqual({ start: 0, end: 1, query: "" });
    expect(slashQueryAt("Hi /boo", 7)).toEqual({ start: 3, end: 7, query: "boo" });
    expect(slashQueryAt("line\n/при", 9)).toEqual({ start: 5, end: 9, query: "при" });
  });

  it("does not open inside a word, a URL or after a finished word", () => {
    expect(slashQueryAt("and/or", 6)).toBeNull();
    expect(slashQueryAt("see https://x.org/a", 19)).toBeNull();
    expect(slashQueryAt("/book now", 9)).toBeNull();
    // The caret decides: before the slash there is nothing to complete.
    expect(slashQueryAt("x /book", 1)).toBeNull();
  });

  it("replaces just the /word and puts the caret after the inserted text", () => {
    const text = "Hi /bo and more";
    const slash = slashQueryAt(text, 6)!;
    expect(insertAt(text, slash, "Hello Anna")).toEqual({
      text: "Hi Hello Anna and more",
      caret: 13,
    });
  });
});
