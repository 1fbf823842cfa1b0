import { describe, expect, it } from "vitest";
import { findMentions, mentionQueryAt } from "../src/notes";

const staff = [
  { userId: "u-anna", name: "Anna" },
  { userId: "u-anna-maria", name: "Anna Maria" },
  { userId: "u-oleg", name: "Олег Петров" },
];

describe("findMentions", () => {
  it("finds @names in any case, longest name first, once each, in order", () => {
    expect(findMentions("@олег петров and @Anna Maria, then @anna again @ANNA", staff)).toEqual([
      "u-oleg",
      "u-anna-maria",
      "u-anna",
    ]);
  });

  it("ignores e-mail addresses, names that continue and a lone @", () => {
    expect(findMentions("write to x@anna.com or @Annabel or @ or anna", staff)).toEqual([]);
  });
});

describe("mentionQueryAt", () => {
  it("is the text after the @ before the caret", () => {
    expect(mentionQueryAt("hi @An", 6)).toEqual({ start: 3, query: "An" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("@Anna Ma", 8)).toEqual({ start: 0, query: "Anna Ma" });
  });

  it("is null outside a mention", () => {
    expect(mentionQueryAt("mail a@b", 8)).toBeNull();
    expect(mentionQueryAt("@anna\nnext", 10)).toBeNull();
    expect(mentionQueryAt("no at", 5)).toBeNull();
    expect(mentionQueryAt("@ x", 3)).toBeNull();
  });
});
