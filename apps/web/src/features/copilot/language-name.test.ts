import { describe, expect, it } from "vitest";
import { languageName } from "./language-name";

describe("languageName", () => {
  it("names a tag in the reader's language", () => {
    expect(languageName("de", "en")).toBe("German");
    expect(languageName("de", "ru")).toBe("немецкий");
    expect(languageName("pt-BR", "en")).toBe("Brazilian Portuguese");
  });

  it("says nothing for an undetermined language and keeps a tag it cannot name", () => {
    expect(languageName("und", "en")).toBeNull();
    expect(languageName("", "en")).toBeNull();
    expect(languageName("not a tag", "en")).toBe("not a tag");
  });
});
